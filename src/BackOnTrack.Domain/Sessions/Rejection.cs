namespace BackOnTrack.Domain.Sessions;

public enum RejectionCode
{
    NotStarted,
    SessionEnded,
    SessionPaused,
    AlreadyPaused,
    NotPaused,
    WrongPhase,
    ReadinessFirst,
    RescreenPending,
    ScreenIncomplete,
    WarmUpNotDone,
    WarmUpCannotBeSkipped,
    TrainerRequired,
    BriefingNotConfirmed,
    CuesNotRead,
    AlreadyDone,
    CheckInPending,
    SetInProgress,
    WrongSetKind,
    InvalidReps,
    InvalidPainRating,
    InvalidRating,
    TooEarly,
    NoEasierVariation,
    ReasonRequired,
    NothingToStretch,
}

/// <summary>Why a command was not accepted, with a message the UI can show as it is.</summary>
public sealed record Rejection(RejectionCode Code, string Message);

/// <summary>The result of <see cref="SessionEngine.Decide"/>: events to append, or a rejection.</summary>
public sealed record Decision
{
    private Decision(IReadOnlyList<SessionEvent> events, Rejection? rejection)
    {
        Events = events;
        Rejection = rejection;
    }

    /// <summary>The accepted events (never empty when accepted, empty when rejected).</summary>
    public IReadOnlyList<SessionEvent> Events { get; }

    public Rejection? Rejection { get; }

    public bool IsAccepted => Rejection is null;

    public static Decision Accept(IReadOnlyList<SessionEvent> events)
    {
        if (events.Count == 0)
        {
            throw new ArgumentException("An accepted decision must carry at least one event.", nameof(events));
        }

        return new(ValueList.From(events), null);
    }

    public static Decision Reject(RejectionCode code, string message) => new([], new Rejection(code, message));
}

/// <summary>The result of <see cref="SessionEngine.Apply"/>: the new state and the events, or the rejection (state unchanged).</summary>
public sealed record ApplyResult(SessionState State, IReadOnlyList<SessionEvent> Events, Rejection? Rejection)
{
    public bool IsAccepted => Rejection is null;
}
