using System.Globalization;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Sessions;

namespace BackOnTrack.Domain.Progression;

/// <summary>
/// Suggests, per exercise, whether to stay, step up or step down (S4, S7, S9). Every suggestion
/// carries a reason a member can read. Pure: history and time are passed in.
/// </summary>
public sealed class ProgressionAdvisor(ProgressionRules rules, ExerciseLibrary library)
{
    private readonly ProgressionRules _rules = rules;
    private readonly ExerciseLibrary _library = library;

    public ProgressionRules Rules => _rules;

    /// <summary>Advice for every exercise in the plan.</summary>
    public IReadOnlyList<Advice> Advise(
        MemberPlan plan,
        IReadOnlyList<SessionOutcome> history,
        IReadOnlyList<NextDayCheck> nextDayChecks,
        DateTimeOffset now) =>
        plan.Exercises.Select(p => AdviseOne(plan, p, history, nextDayChecks, now)).ToList();

    public Advice AdviseOne(
        MemberPlan plan,
        ExercisePrescription current,
        IReadOnlyList<SessionOutcome> history,
        IReadOnlyList<NextDayCheck> nextDayChecks,
        DateTimeOffset now)
    {
        var exercise = _library.GetExercise(current.ExerciseId);
        var variation = exercise.FindVariation(current.VariationId)
            ?? throw new KeyNotFoundException($"Exercise '{exercise.Id}' has no variation '{current.VariationId}'.");
        var worseSessions = nextDayChecks.Where(c => c.Feeling == NextDayFeeling.Worse).ToList();

        var performed = history
            .Where(o => o.For(current.ExerciseId) is { } e && (e.SetsCompleted > 0 || e.StoppedForSafety))
            .OrderBy(o => o.StartedAt)
            .ToList();

        // S7: a safety stop in this exercise since the prescription last changed.
        var stop = performed.LastOrDefault(o => o.For(current.ExerciseId)!.StoppedForSafety && o.EndedOrStartedAt > current.LastChangedAt);

        // S9: a "worse" next-day answer about a session with this exercise, since the last change.
        var worse = worseSessions
            .Where(c => c.AnsweredAt > current.LastChangedAt && performed.Any(o => o.SessionId == c.SessionId))
            .OrderBy(c => c.AnsweredAt)
            .LastOrDefault();

        if (stop is not null || worse is not null)
        {
            return StepDown(plan, exercise, variation, current, stop, worse, now);
        }

        var run = CleanRun(current, history, worseSessions);
        if (run < _rules.MinCleanSessionsInARow)
        {
            var soFar = $"{run} of {_rules.MinCleanSessionsInARow} clean sessions in a row at {Describe(variation, current)} so far";
            var reason = current.ProgressionHeld
                ? $"Progression is on hold after the last step back: {soFar}."
                : $"Keep going: {soFar}.";
            return Stay(current, reason);
        }

        var lastSession = history.Where(o => o.For(current.ExerciseId) is not null).MaxBy(o => o.StartedAt);
        var nextDayFine = lastSession is not null && nextDayChecks.Any(c => c.SessionId == lastSession.SessionId && c.Feeling != NextDayFeeling.Worse);
        var because = $"{run} clean sessions in a row{(nextDayFine ? " and the next day felt fine" : "")}";
        return StepUp(plan, exercise, variation, current, because, now);
    }

    /// <summary>Clean sessions in a row (most recent first) at exactly this prescription since it last changed.</summary>
    private int CleanRun(ExercisePrescription current, IReadOnlyList<SessionOutcome> history, List<NextDayCheck> worseSessions)
    {
        var run = 0;
        foreach (var outcome in history.Where(o => o.StartedAt > current.LastChangedAt).OrderByDescending(o => o.StartedAt))
        {
            if (outcome.For(current.ExerciseId) is not { } e)
            {
                continue;
            }

            var clean = e.Clean
                && !outcome.StoppedForSafety
                && e.PrescribedVariationId == current.VariationId
                && e.Amount == current.Amount
                && e.LoadKg == current.LoadKg
                && e.SetsPlanned >= current.Sets
                && (e.MaxPain ?? 0) < _rules.PainCautionFrom
                && worseSessions.All(w => w.SessionId != outcome.SessionId);
            if (!clean)
            {
                break;
            }

            run++;
        }

        return run;
    }

    private Advice StepUp(MemberPlan plan, Exercise exercise, Variation variation, ExercisePrescription current, string because, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.Date);
        var weeks = (today.DayNumber - current.StartedOn.DayNumber) / 7;
        var weeksOk = weeks >= _rules.MinWeeksAtLoad;
        var weeksNote = $"{weeks} of {_rules.MinWeeksAtLoad} weeks at this load so far";

        if (current.Amount < variation.MaxAmount)
        {
            var step = variation.Kind == VariationKind.Reps ? _rules.RepStep : _rules.HoldStepSeconds;
            var amount = Math.Min(variation.MaxAmount, current.Amount + step);
            var proposed = current with { Amount = amount, LastChangedAt = now, ProgressionHeld = false };
            var what = variation.Kind == VariationKind.Reps
                ? $"add {amount - current.Amount} reps ({current.Amount} → {amount})"
                : $"hold {amount - current.Amount} seconds longer ({current.Amount} → {amount} s)";
            return new Advice(current.ExerciseId, AdviceKind.StepUp,
                variation.Kind == VariationKind.Reps ? StepKind.MoreReps : StepKind.LongerHold,
                current, proposed, $"{because}: {what} on {variation.Name}.", false, []);
        }

        if (exercise.HarderThan(variation.Id) is { } harder)
        {
            if (!plan.Equipment.HasAll(harder.Equipment))
            {
                var needs = string.Join(" and ", harder.Equipment.Where(k => !plan.Equipment.Has(k)).Select(EquipmentName));
                return Stay(current, $"{because}. You are ready for {harder.Name}, but it needs {needs}. Add it to your equipment to move on.");
            }

            decimal? load = null;
            if (harder.IsWeighted)
            {
                if (!weeksOk)
                {
                    return Stay(current, $"{because}, but adding weight waits until you have spent {_rules.MinWeeksAtLoad} weeks at this level ({weeksNote}).");
                }

                load = current.LoadKg is { } kg
                    ? LoadSteps.NextUp(kg, plan.Equipment.SizesFor(harder.LoadEquipment), _rules.MinLoadStepPercent)
                    : LoadSteps.FirstLoad(harder, plan.Equipment);
                if (load is null)
                {
                    return Stay(current, current.LoadKg is null
                        ? $"{because}. {harder.Name} should start light, at {Kg(harder.Dosage.StartLoadKg!.Value)} or less, and you have no {EquipmentName(harder.LoadEquipment)} that light."
                        : $"{because}. {harder.Name} needs a {EquipmentName(harder.LoadEquipment)} heavier than {Kg(current.LoadKg.Value)}, and you have none.");
                }
            }

            var proposed = new ExercisePrescription(current.ExerciseId, harder.Id, harder.Dosage.Sets, harder.DefaultAmount, load, today, now);
            var withLoad = load is { } l ? $" with {Kg(l)}" : "";
            return new Advice(current.ExerciseId, AdviceKind.StepUp, StepKind.HarderVariation,
                current, proposed, $"{because}: move to {harder.Name}{withLoad}.", false, []);
        }

        if (current.LoadKg is { } currentLoad)
        {
            if (!weeksOk)
            {
                return Stay(current, $"{because}, but the next weight waits until you have spent {_rules.MinWeeksAtLoad} weeks at {Kg(currentLoad)} ({weeksNote}).");
            }

            var next = LoadSteps.NextUp(currentLoad, plan.Equipment.SizesFor(variation.LoadEquipment), _rules.MinLoadStepPercent);
            if (next is not { } nextLoad)
            {
                return Stay(current, $"{because}. {Kg(currentLoad)} is the heaviest {EquipmentName(variation.LoadEquipment)} you have, so keep it here.");
            }

            var proposed = current with
            {
                Amount = variation.DefaultAmount,
                LoadKg = nextLoad,
                StartedOn = today,
                LastChangedAt = now,
                ProgressionHeld = false,
            };
            return new Advice(current.ExerciseId, AdviceKind.StepUp, StepKind.MoreLoad, current, proposed,
                $"{because} and {weeks} weeks at {Kg(currentLoad)}: move up to {Kg(nextLoad)} at {variation.DefaultAmount} reps.", false, []);
        }

        return Stay(current, $"{because}. You are at the top of the {exercise.Name} ladder: keep it up.");
    }

    private static Advice StepDown(
        MemberPlan plan, Exercise exercise, Variation variation, ExercisePrescription current,
        SessionOutcome? stop, NextDayCheck? worse, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.Date);
        var why = stop is not null && (worse is null || stop.EndedOrStartedAt >= worse.AnsweredAt)
            ? $"You stopped {exercise.Name} for safety ({StopWords(stop.For(exercise.Id)!.StopReason)})"
            : "Your back felt worse the day after your last session";
        List<string> recommendations =
        [
            "Do the gentle evening stretches every day this week.",
            $"Before the next session, read the form cues for {exercise.Name} again, or ask a trainer to watch a set.",
        ];

        if (exercise.EasierThan(variation.Id) is { } easier)
        {
            var load = LoadSteps.LoadForEasier(current.LoadKg, easier, plan.Equipment);
            var proposed = new ExercisePrescription(current.ExerciseId, easier.Id, easier.Dosage.Sets, easier.DefaultAmount, load, today, now, ProgressionHeld: true);
            return new Advice(current.ExerciseId, AdviceKind.StepDown, StepKind.EasierVariation, current, proposed,
                $"{why}: go back one step to {easier.Name}{(load is { } kg ? $" with {Kg(kg)}" : "")}. Moving up again waits for clean sessions.",
                true, recommendations);
        }

        var floor = Math.Max(1, (variation.DefaultAmount + 1) / 2);
        var step = variation.Kind == VariationKind.Reps ? 2 : 5;
        var amount = current.Amount > variation.DefaultAmount
            ? variation.DefaultAmount
            : Math.Max(floor, current.Amount - step);
        var smaller = current with { Amount = amount, LastChangedAt = now, ProgressionHeld = true };
        var text = amount < current.Amount
            ? $"{why}: {variation.Name} is already the easiest version, so do {(variation.Kind == VariationKind.Reps ? $"{amount} reps" : $"{amount}-second holds")} instead of {current.Amount}."
            : $"{why}: {variation.Name} is already the easiest, gentlest version, so keep it as it is and take it slowly.";
        return new Advice(current.ExerciseId, AdviceKind.StepDown,
            amount < current.Amount ? (variation.Kind == VariationKind.Reps ? StepKind.FewerReps : StepKind.ShorterHold) : StepKind.None,
            current, smaller, text + " Moving up again waits for clean sessions.", true, recommendations);
    }

    private static Advice Stay(ExercisePrescription current, string reason) =>
        new(current.ExerciseId, AdviceKind.Stay, StepKind.None, current, current, reason, false, []);

    private static string Describe(Variation variation, ExercisePrescription current) =>
        current.LoadKg is { } kg ? $"{variation.Name} with {Kg(kg)}" : variation.Name;

    private static string Kg(decimal kg) => kg.ToString("0.##", CultureInfo.InvariantCulture) + " kg";

    private static string EquipmentName(EquipmentKind kind) => kind switch
    {
        EquipmentKind.Bench => "a hyperextension bench",
        EquipmentKind.Kettlebell => "kettlebell",
        EquipmentKind.Plate => "weight plate",
        EquipmentKind.BandOrAnkleWeight => "a band or ankle weight",
        _ => "equipment",
    };

    private static string StopWords(StopReason? reason) => reason switch
    {
        StopReason.SpineFelt => "felt in the spine",
        StopReason.SharpPain => "sharp pain",
        StopReason.PainRating => "pain too high",
        _ => "STOP pressed",
    };
}
