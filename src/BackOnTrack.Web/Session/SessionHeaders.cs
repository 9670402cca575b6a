using BackOnTrack.Data.Sessions;
using BackOnTrack.Domain.Sessions;

namespace BackOnTrack.Web.Session;

/// <summary>What the session's header row says for a state (kept in step with the log on every append).</summary>
public static class SessionHeaders
{
    public const string InProgress = "InProgress";

    public static SessionHeader For(SessionState state) => new(
        state.StretchingOnly || state.Plan.Kind == SessionKind.StretchingOnly ? nameof(SessionKind.StretchingOnly) : nameof(SessionKind.Training),
        state.IsFinal ? state.Phase.ToString() : InProgress,
        state.EndedAt?.UtcDateTime,
        state.IsFinal ? SessionOutcome.From(state) : null);
}
