using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Domain.Tests.Support;
using CsCheck;

namespace BackOnTrack.Domain.Tests.Progression;

/// <summary>Months of random sessions, with advice accepted after each one.</summary>
public class ProgressionPropertyTests
{
    private enum SessionKindForTest
    {
        Clean,
        Stop,
        Tightness,
        PainCaution,
        PoorForm,
    }

    private sealed record SessionInput(SessionKindForTest Kind, int Exercise, NextDayFeeling? NextDay, int DaysLater);

    private static readonly decimal[] Bells = [4m, 6m, 8m, 10m, 12m, 14m, 16m, 20m, 24m, 32m];
    private static readonly decimal[] Plates = [1.25m, 2.5m, 5m, 10m, 15m, 20m];

    private static readonly Gen<SessionInput> SessionGen = Gen.Select(
        Gen.Frequency((12, Gen.Const(SessionKindForTest.Clean)), (1, Gen.Const(SessionKindForTest.Stop)), (1, Gen.Const(SessionKindForTest.Tightness)),
            (1, Gen.Const(SessionKindForTest.PainCaution)), (1, Gen.Const(SessionKindForTest.PoorForm))),
        Gen.Int[0, 4],
        Gen.Frequency((6, Gen.Const((NextDayFeeling?)null)), (6, Gen.Const<NextDayFeeling?>(NextDayFeeling.Same)),
            (3, Gen.Const<NextDayFeeling?>(NextDayFeeling.Better)), (1, Gen.Const<NextDayFeeling?>(NextDayFeeling.Worse))),
        Gen.Int[1, 6],
        (k, e, n, d) => new SessionInput(k, e, n, d));

    private static readonly Gen<EquipmentOwned> EquipmentGen = Gen.Select(
        Gen.Bool, Gen.Bool, Gen.Int[0, (1 << Bells.Length) - 1], Gen.Int[0, (1 << Plates.Length) - 1],
        (bench, band, bellMask, plateMask) => new EquipmentOwned(
            bench,
            Bells.Where((_, i) => (bellMask & (1 << i)) != 0).ToList(),
            Plates.Where((_, i) => (plateMask & (1 << i)) != 0).ToList(),
            band));

    private static readonly Gen<(EquipmentOwned, SessionInput[])> HistoryGen = Gen.Select(EquipmentGen, SessionGen.Array[1, 120]);

    private sealed record Step(
        SessionOutcome Outcome, NextDayCheck? Check, ExercisePrescription Before, Advice Advice, int CleanRunBefore, EquipmentOwned Equipment);

    private static List<Step> Simulate(EquipmentOwned equipment, SessionInput[] inputs)
    {
        var library = Build.Library;
        var advisor = new ProgressionAdvisor(ProgressionRules.Default, library);
        var now = Build.T0;
        var plan = MemberPlan.Starter(library, equipment, now);
        var history = new List<SessionOutcome>();
        var checks = new List<NextDayCheck>();
        var cleanRun = plan.Exercises.ToDictionary(p => p.ExerciseId, _ => 0);
        var steps = new List<Step>();

        foreach (var input in inputs)
        {
            now = now.AddDays(input.DaysLater);
            var target = plan.Exercises[input.Exercise].ExerciseId;
            var outcome = input.Kind switch
            {
                SessionKindForTest.Stop => Outcomes.StoppedIn(plan, target, now),
                SessionKindForTest.Tightness => Outcomes.Clean(plan, now, e => e.ExerciseId == target ? e with { HadTightness = true, Clean = false } : e),
                SessionKindForTest.PainCaution => Outcomes.Clean(plan, now, e => e.ExerciseId == target ? e with { MaxPain = 5 } : e),
                SessionKindForTest.PoorForm => Outcomes.Clean(plan, now, e => e.ExerciseId == target ? e with { FormConcern = true, Clean = false } : e),
                _ => Outcomes.Clean(plan, now),
            };
            history.Add(outcome);
            NextDayCheck? check = input.NextDay is { } feeling ? new NextDayCheck(outcome.SessionId, feeling, now.AddDays(1)) : null;
            if (check is not null)
            {
                checks.Add(check);
            }

            foreach (var e in outcome.Exercises)
            {
                var clean = e.Clean && !outcome.StoppedForSafety && (e.MaxPain ?? 0) < 4 && check?.Feeling != NextDayFeeling.Worse;
                cleanRun[e.ExerciseId] = clean ? cleanRun[e.ExerciseId] + 1 : 0;
            }

            now = now.AddDays(1).AddHours(1);
            foreach (var advice in advisor.Advise(plan, history, checks, now))
            {
                steps.Add(new Step(outcome, check, advice.Current, advice, cleanRun[advice.ExerciseId], equipment));
                if (advice.Kind != AdviceKind.Stay)
                {
                    cleanRun[advice.ExerciseId] = 0;
                }

                plan = PlanAdjustment.Apply(plan, advice);
            }
        }

        return steps;
    }

    private static int Rung(ExercisePrescription p) => Build.Library.GetExercise(p.ExerciseId).IndexOf(p.VariationId);

    private static bool TriggeredStepDown(Step step) =>
        step.Check?.Feeling == NextDayFeeling.Worse
        || step.Outcome.For(step.Advice.ExerciseId)!.StoppedForSafety;

    [Fact]
    public void S7_S9_progression_never_raises_load_or_level_after_a_stop_or_a_worse_next_day()
    {
        HistoryGen.Sample((equipment, inputs) =>
        {
            foreach (var step in Simulate(equipment, inputs).Where(TriggeredStepDown))
            {
                var (before, after) = (step.Before, step.Advice.Proposed);
                step.Advice.Kind.ShouldBe(AdviceKind.StepDown);
                (after.LoadKg ?? 0).ShouldBeLessThanOrEqualTo(before.LoadKg ?? 0);
                Rung(after).ShouldBeLessThanOrEqualTo(Rung(before));
                if (Rung(after) == Rung(before))
                {
                    after.Amount.ShouldBeLessThanOrEqualTo(before.Amount);
                }
            }
        }, iter: 100);
    }

    [Fact]
    public void S4_a_step_up_only_follows_enough_clean_sessions_in_a_row()
    {
        HistoryGen.Sample((equipment, inputs) =>
        {
            foreach (var step in Simulate(equipment, inputs).Where(s => s.Advice.Kind == AdviceKind.StepUp))
            {
                step.CleanRunBefore.ShouldBeGreaterThanOrEqualTo(ProgressionRules.Default.MinCleanSessionsInARow);
                step.Advice.Reason.ShouldNotBeNullOrWhiteSpace();
            }
        }, iter: 100);
    }

    [Fact]
    public void S4_load_steps_never_exceed_the_cap_and_only_use_owned_sizes()
    {
        var stepsSeen = new System.Collections.Concurrent.ConcurrentDictionary<StepKind, bool>();
        HistoryGen.Sample((equipment, inputs) =>
        {
            foreach (var step in Simulate(equipment, inputs))
            {
                stepsSeen[step.Advice.Step] = true;
                var (before, after) = (step.Before, step.Advice.Proposed);
                var variation = Build.Library.GetExercise(after.ExerciseId).FindVariation(after.VariationId)!;
                if (after.LoadKg is not { } load)
                {
                    continue;
                }

                step.Equipment.SizesFor(variation.LoadEquipment).ShouldContain(load);
                if (before.LoadKg is not { } previous)
                {
                    load.ShouldBeLessThanOrEqualTo(variation.Dosage.StartLoadKg!.Value, "a first weight starts light (S3)");
                }
                else if (load > previous)
                {
                    var realSteps = step.Equipment.SizesFor(variation.LoadEquipment).Where(s => s >= previous * 1.02m).ToList();
                    var cap = Math.Max(previous * 1.10m, realSteps.Count > 0 ? realSteps.Min() : 0m);
                    load.ShouldBeLessThanOrEqualTo(cap);
                    step.Advice.Kind.ShouldBe(AdviceKind.StepUp);
                }
            }
        }, iter: 100);
        stepsSeen.Keys.ShouldContain(StepKind.MoreLoad, "the simulation should reach load rises");
        stepsSeen.Keys.ShouldContain(StepKind.HarderVariation);
        stepsSeen.Keys.ShouldContain(StepKind.EasierVariation);
    }
}
