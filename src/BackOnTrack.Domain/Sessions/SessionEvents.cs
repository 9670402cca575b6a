using BackOnTrack.Domain.Safety;

namespace BackOnTrack.Domain.Sessions;

/// <summary>Which list of stretches a stretch belongs to.</summary>
public enum StretchPart
{
    WarmUp,
    CoolDown,
    Tightness,
}

/// <summary>The side of a per-side stretch; <see cref="Both"/> for a stretch done once.</summary>
public enum StretchSide
{
    Both,
    Left,
    Right,
}

public enum StopReason
{
    /// <summary>Something was felt in the spine.</summary>
    SpineFelt,

    /// <summary>Sharp or stabbing pain.</summary>
    SharpPain,

    /// <summary>A pain rating at or above the stop threshold.</summary>
    PainRating,

    /// <summary>The member pressed STOP without naming pain.</summary>
    MemberStopped,

    /// <summary>The readiness check said the back hurts too much to train today.</summary>
    ReadinessBlocked,

    /// <summary>A red-flag answer during the session's rescreen.</summary>
    RedFlag,
}

/// <summary>
/// A fact about a session. Every concrete event is a sealed record of plain data (primitives, enums,
/// DateTimeOffset, Guid, string, lists of plain records), so it round-trips through System.Text.Json
/// when serialized by its concrete type.
/// </summary>
public abstract record SessionEvent(DateTimeOffset At);

/// <summary>The first event: everything replay needs, including the full plan snapshot.</summary>
public sealed record SessionStarted(DateTimeOffset At, Guid SessionId, string MemberId, SessionPlan Plan) : SessionEvent(At);

public sealed record ReadinessAnswered(
    DateTimeOffset At, BackFeeling Feeling, bool AnythingNew, int? PainRating, ReadinessDecision Decision, string Message) : SessionEvent(At);

public sealed record RedFlagScreenAnswered(
    DateTimeOffset At, IReadOnlyList<RedFlagAnswer> Answers, RedFlagStatus Status, IReadOnlyList<string> PositiveQuestionIds) : SessionEvent(At)
{
    public IReadOnlyList<RedFlagAnswer> Answers { get; init => field = ValueList.From(value); } = ValueList.From(Answers);

    public IReadOnlyList<string> PositiveQuestionIds { get; init => field = ValueList.From(value); } = ValueList.From(PositiveQuestionIds);
}

/// <summary>The readiness check turned a training session into stretches only; every exercise is skipped.</summary>
public sealed record ChangedToStretchingOnly(DateTimeOffset At, string Reason) : SessionEvent(At);

public sealed record WarmUpStarted(DateTimeOffset At) : SessionEvent(At);

/// <summary>A stretch side begins: get ready until <paramref name="GetReadyUntil"/>, hold until <paramref name="Deadline"/>.</summary>
public sealed record StretchStarted(
    DateTimeOffset At, StretchPart Part, int StretchIndex, string StretchId, StretchSide Side, DateTimeOffset GetReadyUntil, DateTimeOffset Deadline) : SessionEvent(At);

public sealed record StretchHoldFinished(
    DateTimeOffset At, StretchPart Part, int StretchIndex, string StretchId, StretchSide Side, int SecondsHeld) : SessionEvent(At);

public sealed record StretchSkipped(DateTimeOffset At, StretchPart Part, int StretchIndex, string StretchId, string Reason) : SessionEvent(At);

public sealed record WarmUpCompleted(DateTimeOffset At) : SessionEvent(At);

/// <summary>S1: a trainer waived the warm-up. Logged with who and why.</summary>
public sealed record WarmUpWaived(DateTimeOffset At, string TrainerId, string Note) : SessionEvent(At);

public sealed record BriefingStarted(DateTimeOffset At, int ExerciseIndex, string ExerciseId, string VariationId) : SessionEvent(At);

public sealed record BriefingConfirmed(DateTimeOffset At, int ExerciseIndex, string VariationId, bool CuesRead) : SessionEvent(At);

/// <summary>A set begins: get ready until <paramref name="GetReadyUntil"/>; a hold set ends at <paramref name="Deadline"/>.</summary>
public sealed record SetStarted(
    DateTimeOffset At, int ExerciseIndex, string VariationId, int SetNumber, DateTimeOffset GetReadyUntil, DateTimeOffset? Deadline) : SessionEvent(At);

public sealed record SetCompleted(
    DateTimeOffset At, int ExerciseIndex, string VariationId, int SetNumber, int? RepsDone, int? HoldSecondsDone) : SessionEvent(At);

public sealed record CheckInRecorded(
    DateTimeOffset At, int ExerciseIndex, string VariationId, int SetNumber, Sensation Sensation, int? PainRating, FormRating? Form) : SessionEvent(At);

public sealed record RestStarted(DateTimeOffset At, int ExerciseIndex, int NextSetNumber, DateTimeOffset Deadline) : SessionEvent(At);

public sealed record RestEnded(DateTimeOffset At, bool Skipped) : SessionEvent(At);

public sealed record ExerciseFinished(DateTimeOffset At, int ExerciseIndex, string ExerciseId) : SessionEvent(At);

public sealed record TightnessPauseStarted(DateTimeOffset At, int ExerciseIndex, string ExerciseId, bool EasierAvailable) : SessionEvent(At);

public sealed record SwitchedToEasierVariation(
    DateTimeOffset At, int ExerciseIndex, string FromVariationId, string ToVariationId, int Sets) : SessionEvent(At);

public sealed record ExerciseSkipped(DateTimeOffset At, int ExerciseIndex, string ExerciseId, string Reason) : SessionEvent(At);

public sealed record CoolDownStarted(DateTimeOffset At) : SessionEvent(At);

public sealed record CoolDownCompleted(DateTimeOffset At) : SessionEvent(At);

public sealed record SessionPaused(DateTimeOffset At) : SessionEvent(At);

/// <summary>Resumed: every running deadline moves later by the paused time.</summary>
public sealed record SessionResumed(DateTimeOffset At) : SessionEvent(At);

/// <summary>S6: the session ended for safety. Always the first event of the command that caused it.</summary>
public sealed record SessionStoppedForSafety(
    DateTimeOffset At,
    StopReason Reason,
    Sensation? Sensation,
    int? PainRating,
    int? ExerciseIndex,
    string? ExerciseId,
    string? VariationId,
    string? Note,
    string Advice) : SessionEvent(At);

public sealed record SessionRated(DateTimeOffset At, int Form, int Effort) : SessionEvent(At);

public sealed record SessionCompleted(DateTimeOffset At) : SessionEvent(At);

public sealed record SessionAbandoned(DateTimeOffset At, string? Reason) : SessionEvent(At);
