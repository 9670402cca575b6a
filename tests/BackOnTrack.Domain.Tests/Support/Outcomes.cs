using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Sessions;

namespace BackOnTrack.Domain.Tests.Support;

/// <summary>Synthetic session outcomes for progression tests, shaped by <c>with</c>-transforms.</summary>
public static class Outcomes
{
    /// <summary>A clean session doing every prescription in the plan exactly.</summary>
    public static SessionOutcome Clean(MemberPlan plan, DateTimeOffset at, Func<ExerciseOutcome, ExerciseOutcome>? with = null, Guid? id = null) =>
        new(
            id ?? Guid.NewGuid(),
            Build.MemberId,
            SessionKind.Training,
            at,
            at.AddMinutes(40),
            SessionPhase.Completed,
            false,
            null,
            300,
            new SessionRating(4, 6),
            plan.Exercises.Select((p, i) => (with ?? (e => e))(new ExerciseOutcome(
                i, p.ExerciseId, p.VariationId, p.VariationId, KindOf(p), p.Amount, p.LoadKg,
                p.Sets, p.Sets, false, null, false, null, 1, false, false, true, null))).ToList(),
            []);

    /// <summary>A session stopped for safety (sharp pain) in one exercise.</summary>
    public static SessionOutcome StoppedIn(MemberPlan plan, string exerciseId, DateTimeOffset at, Guid? id = null)
    {
        var clean = Clean(plan, at, e => e.ExerciseId == exerciseId
            ? e with { StoppedForSafety = true, StopReason = StopReason.SharpPain, SetsCompleted = 1, Clean = false, MaxPain = 7 }
            : e, id);
        return clean with { FinalPhase = SessionPhase.StoppedForSafety, StoppedForSafety = true, StopReason = StopReason.SharpPain };
    }

    private static VariationKind KindOf(ExercisePrescription p) =>
        Build.Library.GetExercise(p.ExerciseId).FindVariation(p.VariationId)!.Kind;
}
