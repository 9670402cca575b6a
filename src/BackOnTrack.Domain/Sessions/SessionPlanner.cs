using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;

namespace BackOnTrack.Domain.Sessions;

/// <summary>Builds session plans from a member's plan and the library.</summary>
public static class SessionPlanner
{
    /// <summary>A training session: warm-up stretches, each prescribed exercise, cool-down stretches.</summary>
    public static SessionPlan ForTraining(MemberPlan plan, ExerciseLibrary library, SessionTimings? timings = null, PainThresholds? pain = null)
    {
        timings ??= SessionTimings.Default;
        pain ??= PainThresholds.Default;
        var exercises = plan.Exercises.Select(p => PlanExercise(p, plan, library, timings)).ToList();
        return new SessionPlan(
            SessionKind.Training,
            library.WarmUpStretchIds.Select(id => PlanStretch(library.GetStretch(id), timings)).ToList(),
            exercises,
            library.CoolDownStretchIds.Select(id => PlanStretch(library.GetStretch(id), timings)).ToList(),
            PlanStretch(library.GetStretch(library.TightnessStretchId), timings),
            timings.GetReadySeconds,
            timings.SwitchSidesSeconds,
            timings.DeadlineToleranceSeconds,
            pain.CautionFrom,
            pain.StopFrom,
            library.Version);
    }

    /// <summary>The evening routine (S2): the stretches done lying on the back, nothing else.</summary>
    public static SessionPlan ForEveningStretch(ExerciseLibrary library, SessionTimings? timings = null, PainThresholds? pain = null)
    {
        timings ??= SessionTimings.Default;
        pain ??= PainThresholds.Default;
        return new SessionPlan(
            SessionKind.StretchingOnly,
            library.EveningStretches.Select(s => PlanStretch(s, timings)).ToList(),
            [],
            [],
            null,
            timings.GetReadySeconds,
            timings.SwitchSidesSeconds,
            timings.DeadlineToleranceSeconds,
            pain.CautionFrom,
            pain.StopFrom,
            library.Version);
    }

    public static PlannedStretch PlanStretch(Stretch stretch, SessionTimings timings) =>
        new(stretch.Id, stretch.Name, timings.StretchHoldSecondsOverride ?? stretch.HoldSeconds, stretch.PerSide);

    private static PlannedExercise PlanExercise(ExercisePrescription prescription, MemberPlan plan, ExerciseLibrary library, SessionTimings timings)
    {
        var exercise = library.GetExercise(prescription.ExerciseId);
        var variation = exercise.FindVariation(prescription.VariationId)
            ?? throw new KeyNotFoundException($"Exercise '{exercise.Id}' has no variation '{prescription.VariationId}'.");
        var planned = PlanVariation(variation, prescription.Sets, prescription.Amount, prescription.LoadKg, plan, timings);

        var easier = exercise.EasierThan(variation.Id);
        var plannedEasier = easier is null
            ? null
            : PlanVariation(easier, easier.Dosage.Sets, easier.DefaultAmount,
                LoadSteps.LoadForEasier(prescription.LoadKg, easier, plan.Equipment), plan, timings);
        return new PlannedExercise(exercise.Id, exercise.Name, planned, plannedEasier);
    }

    private static PlannedVariation PlanVariation(
        Variation variation, int sets, int amount, decimal? loadKg, MemberPlan plan, SessionTimings timings) =>
        new(
            variation.Id,
            variation.Name,
            variation.Kind,
            sets,
            variation.Kind == VariationKind.Hold ? timings.ExerciseHoldSecondsOverride ?? amount : amount,
            timings.RestSecondsOverride ?? variation.Dosage.RestSeconds,
            variation.IsWeighted ? loadKg : null,
            variation.Dosage.PerSide,
            !plan.HasConfirmedCues(variation.Id));
}
