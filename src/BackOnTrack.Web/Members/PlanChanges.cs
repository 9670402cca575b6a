using BackOnTrack.Data.Members;
using BackOnTrack.Domain.Progression;

namespace BackOnTrack.Web.Members;

public sealed record PlanChangeResult(bool Changed, string Message);

/// <summary>
/// The member's own plan changes: frequency and equipment, and accepting or declining a suggested step up.
/// A member can never step up beyond what the advisor suggested (S4); declining is always allowed.
/// </summary>
public sealed class PlanChanges(MemberStore members, TimeProvider clock, ILogger<PlanChanges> logger)
{
    public async Task<PlanChangeResult> SaveSettingsAsync(string memberId, PlanSettingsForm form, CancellationToken cancellationToken = default)
    {
        var profile = await members.FindAsync(memberId, cancellationToken);
        if (profile is null)
        {
            return new(false, "Set up your plan first.");
        }

        var equipment = new EquipmentOwned(form.Bench, form.Kettlebells.ToList(), form.Plates.ToList(), form.BandOrAnkleWeight);
        var plan = profile.Plan with { TrainingDaysPerWeek = form.TrainingDaysPerWeek, Equipment = equipment };
        await members.SavePlanAsync(memberId, plan, profile.PendingStepUps, clock.GetUtcNow().UtcDateTime, cancellationToken);
        logger.LogInformation("Member {MemberId} changed plan settings", memberId);
        return new(true, "Saved. Your next session uses these settings.");
    }

    public async Task<PlanChangeResult> AnswerStepUpAsync(string memberId, string exerciseId, bool accept, CancellationToken cancellationToken = default)
    {
        var profile = await members.FindAsync(memberId, cancellationToken);
        var suggestion = profile?.PendingStepUps.FirstOrDefault(a => a.ExerciseId == exerciseId);
        if (profile is null || suggestion is null)
        {
            return new(false, "There is no step up waiting for that exercise.");
        }

        var remaining = profile.PendingStepUps.Where(a => a.ExerciseId != exerciseId).ToList();
        var plan = profile.Plan;
        if (accept)
        {
            if (plan.Find(exerciseId) != suggestion.Current)
            {
                await members.SavePlanAsync(memberId, plan, remaining, clock.GetUtcNow().UtcDateTime, cancellationToken);
                return new(false, "Your plan for this exercise changed since the suggestion, so it no longer applies.");
            }

            plan = PlanAdjustment.Apply(plan, suggestion);
        }

        await members.SavePlanAsync(memberId, plan, remaining, clock.GetUtcNow().UtcDateTime, cancellationToken);
        logger.LogInformation("Member {MemberId} {Answer} the step up for {Exercise}", memberId, accept ? "accepted" : "declined", exerciseId);
        return new(true, accept ? "Done: your next session uses the new level." : "No problem: you stay at your current level.");
    }
}
