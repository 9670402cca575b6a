using BackOnTrack.Data.Members;
using BackOnTrack.Data.Sessions;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using Microsoft.Extensions.Options;

namespace BackOnTrack.Web.Session;

public enum LaunchStatus
{
    Started,
    ResumeUnfinished,
    NeedsOnboarding,
    Blocked,
}

/// <summary>What starting gave. <paramref name="Started"/> is the new session's state when one was created (for <see cref="SessionRunner.Adopt"/>).</summary>
public sealed record LaunchResult(LaunchStatus Status, Guid? SessionId = null, string? Message = null, SessionState? Started = null);

/// <summary>
/// Opens a new session for a member: resumes an unfinished one instead of starting a second, sends a
/// member without a plan to onboarding, refuses while a red flag is uncleared (S8), and otherwise builds
/// today's plan and writes the session's first event.
/// </summary>
public sealed class SessionLauncher(
    SessionStore sessions,
    MemberStore members,
    ExerciseLibrary library,
    IOptions<SessionTimingOptions> timings,
    TimeProvider clock,
    ILogger<SessionLauncher> logger)
{
    public async Task<LaunchResult> StartAsync(string memberId, SessionKind kind, string device, CancellationToken cancellationToken = default)
    {
        if (await sessions.FindUnfinishedAsync(memberId, cancellationToken) is { } unfinished)
        {
            return new(LaunchStatus.ResumeUnfinished, unfinished);
        }

        var profile = await members.FindAsync(memberId, cancellationToken);
        if (profile is null)
        {
            return new(LaunchStatus.NeedsOnboarding);
        }

        var block = SessionStartGuard.Check(await members.ScreeningAsync(memberId, cancellationToken));
        if (block is not null)
        {
            return new(LaunchStatus.Blocked, Message: block.Message);
        }

        var plan = kind == SessionKind.Training
            ? SessionPlanner.ForTraining(profile.Plan, library, timings.Value.ToTimings())
            : SessionPlanner.ForEveningStretch(library, timings.Value.ToTimings());
        var sessionId = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        IReadOnlyList<SessionEvent> events = [SessionEngine.Start(sessionId, memberId, plan, now)];
        var state = SessionEngine.Replay(events);
        await sessions.CreateAsync(sessionId, memberId, device, events, SessionHeaders.For(state), cancellationToken);
        logger.LogInformation("Session {SessionId} ({Kind}) started for {MemberId} on {Device}", sessionId, kind, memberId, device);
        return new(LaunchStatus.Started, sessionId, Started: state);
    }
}
