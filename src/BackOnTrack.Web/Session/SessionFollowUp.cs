using BackOnTrack.Data.Members;
using BackOnTrack.Data.Sessions;
using BackOnTrack.Data.Trainers;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Sessions;

namespace BackOnTrack.Web.Session;

/// <summary>
/// What happens after a session's events are safely in the log: a red-flag rescreen answered inside a
/// session is recorded on the member (S8), and when a session ends the member's plan moves on — cues
/// confirmed, and the progression advisor's steps applied (a safety stop steps that exercise down, S7).
/// </summary>
public sealed class SessionFollowUp(
    MemberStore members,
    SessionStore sessions,
    ProgressionAdvisor advisor,
    BackOnTrack.Web.Trainer.FloorAlerts alerts,
    TimeProvider clock,
    ILogger<SessionFollowUp> logger)
{
    /// <summary>How many past sessions the advisor looks at.</summary>
    public const int HistoryDepth = 60;

    /// <param name="device">Where the session runs (the header's Device: "Home", or a kiosk's location); shown on alerts.</param>
    public async Task AfterRecordedAsync(SessionState before, SessionState after, IReadOnlyList<SessionEvent> events, string device, CancellationToken cancellationToken = default)
    {
        foreach (var screen in events.OfType<RedFlagScreenAnswered>())
        {
            await members.RecordScreeningAsync(after.MemberId, screen.Answers, screen.At.UtcDateTime, cancellationToken);
        }

        foreach (var stop in events.OfType<SessionStoppedForSafety>().Where(s => s.Sensation is Sensation.SharpPain or Sensation.SpineFelt))
        {
            var kind = stop.Sensation == Sensation.SpineFelt ? FloorAlertKind.SpineFelt : FloorAlertKind.SharpPain;
            await alerts.RaiseAsync(kind, after.MemberId, after.SessionId, null, device, cancellationToken);
        }

        if (after.IsFinal && !before.IsFinal)
        {
            await MovePlanOnAsync(after, cancellationToken);
        }
    }

    /// <summary>
    /// After a next-day answer (S9): a "worse" steps the exercises of that session down for the next
    /// session straight away, with the reason kept for the member.
    /// </summary>
    public async Task AfterNextDayCheckAsync(string memberId, CancellationToken cancellationToken = default)
    {
        var profile = await members.FindAsync(memberId, cancellationToken);
        if (profile is null)
        {
            return;
        }

        var history = await sessions.EndedOutcomesAsync(memberId, HistoryDepth, cancellationToken);
        var checks = await members.NextDayChecksAsync(memberId, HistoryDepth, cancellationToken);
        var stepDowns = advisor.Advise(profile.Plan, history, checks, clock.GetUtcNow()).Where(a => a.Kind == AdviceKind.StepDown).ToList();
        if (stepDowns.Count > 0)
        {
            var pending = profile.PendingStepUps.Where(p => stepDowns.All(d => d.ExerciseId != p.ExerciseId)).ToList();
            await members.SavePlanAsync(memberId, PlanAdjustment.ApplyAll(profile.Plan, stepDowns), pending, clock.GetUtcNow().UtcDateTime, cancellationToken);
            logger.LogInformation("Member {MemberId}: next-day answer stepped down {Count} exercises", memberId, stepDowns.Count);
        }
    }

    /// <summary>The advisor's suggestion for every exercise, each with its reason, as plain lines.</summary>
    public async Task<IReadOnlyList<string>> AdviceLinesAsync(SessionState state, CancellationToken cancellationToken = default)
    {
        if (state.Plan.Kind == SessionKind.StretchingOnly)
        {
            return ["Stretching counts towards your daily 10–20 minutes. Keep it up tomorrow."];
        }

        if (state.IsFinal && await sessions.AdviceAsync(state.SessionId, cancellationToken) is { } given)
        {
            return given;
        }

        var advice = await AdviseAsync(state, cancellationToken);
        return advice?.Select(a => a.Reason).ToList() ?? [];
    }

    private async Task MovePlanOnAsync(SessionState ended, CancellationToken cancellationToken)
    {
        var profile = await members.FindAsync(ended.MemberId, cancellationToken);
        if (profile is null)
        {
            return;
        }

        var outcome = SessionOutcome.From(ended);
        var plan = PlanAdjustment.RecordConfirmedCues(profile.Plan, outcome);
        var pending = profile.PendingStepUps;
        if (ended.Plan.Kind == SessionKind.Training)
        {
            var advice = await AdviseAsync(ended, cancellationToken, plan);
            if (advice is not null)
            {
                // Steps down are safety (S7): applied at once. Steps up wait for the member to accept them (S4).
                var stepDowns = advice.Where(a => a.Kind == AdviceKind.StepDown).ToList();
                plan = PlanAdjustment.ApplyAll(plan, stepDowns);
                pending = advice.Where(a => a.Kind == AdviceKind.StepUp).ToList();
                await sessions.SaveAdviceAsync(ended.SessionId, advice.Select(a => a.Reason).ToList(), cancellationToken);
                foreach (var step in advice.Where(a => a.Kind != AdviceKind.Stay))
                {
                    logger.LogInformation("Member {MemberId}: {Exercise} {Kind} ({Step})", ended.MemberId, step.ExerciseId, step.Kind, step.Step);
                }
            }
        }

        await members.SavePlanAsync(ended.MemberId, plan, pending, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    private async Task<IReadOnlyList<Advice>?> AdviseAsync(SessionState state, CancellationToken cancellationToken, MemberPlan? plan = null)
    {
        plan ??= (await members.FindAsync(state.MemberId, cancellationToken))?.Plan;
        if (plan is null)
        {
            return null;
        }

        var history = (await sessions.EndedOutcomesAsync(state.MemberId, HistoryDepth, cancellationToken))
            .Where(o => o.SessionId != state.SessionId)
            .Append(SessionOutcome.From(state))
            .ToList();
        var checks = await members.NextDayChecksAsync(state.MemberId, HistoryDepth, cancellationToken);
        return advisor.Advise(plan, history, checks, clock.GetUtcNow());
    }
}
