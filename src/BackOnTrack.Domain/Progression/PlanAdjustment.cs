using BackOnTrack.Domain.Sessions;

namespace BackOnTrack.Domain.Progression;

/// <summary>Applies accepted advice and session facts to a member's plan.</summary>
public static class PlanAdjustment
{
    /// <summary>Puts an accepted advice's proposed prescription into the plan (Stay changes nothing).</summary>
    public static MemberPlan Apply(MemberPlan plan, Advice advice)
    {
        if (advice.Kind == AdviceKind.Stay)
        {
            return plan;
        }

        if (plan.Find(advice.ExerciseId) is null)
        {
            throw new ArgumentException($"The plan has no exercise '{advice.ExerciseId}'.", nameof(advice));
        }

        return plan.WithPrescription(advice.Proposed);
    }

    public static MemberPlan ApplyAll(MemberPlan plan, IEnumerable<Advice> advice) => advice.Aggregate(plan, Apply);

    /// <summary>Remembers the variations whose cues the member confirmed in a session (S5), so they are no longer "new".</summary>
    public static MemberPlan RecordConfirmedCues(MemberPlan plan, SessionOutcome outcome) =>
        outcome.ConfirmedCues.All(plan.HasConfirmedCues) ? plan : plan.WithConfirmedCues(outcome.ConfirmedCues);

    /// <summary>A trainer holds (or releases) progression for one exercise.</summary>
    public static MemberPlan SetHeld(MemberPlan plan, string exerciseId, bool held, DateTimeOffset now)
    {
        var current = plan.Find(exerciseId) ?? throw new ArgumentException($"The plan has no exercise '{exerciseId}'.", nameof(exerciseId));
        return plan.WithPrescription(current with { ProgressionHeld = held, LastChangedAt = held ? now : current.LastChangedAt });
    }
}
