using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Safety;

namespace BackOnTrack.Domain.Sessions;

public enum SessionPhase
{
    /// <summary>Before <see cref="SessionStarted"/> (only the initial state of a replay).</summary>
    NotStarted,
    ReadinessCheck,
    WarmUp,
    Briefing,
    SetInProgress,
    CheckIn,
    Rest,
    TightnessPause,
    CoolDown,
    Summary,
    Completed,
    StoppedForSafety,
    Abandoned,
}

/// <summary>A set that was finished, with what was done.</summary>
public sealed record CompletedSet(
    int ExerciseIndex,
    string ExerciseId,
    string VariationId,
    int SetNumber,
    VariationKind Kind,
    int Target,
    int? RepsDone,
    int? HoldSecondsDone,
    decimal? LoadKg,
    DateTimeOffset At)
{
    public int Done => RepsDone ?? HoldSecondsDone ?? 0;

    public bool ReachedTarget => Done >= Target;
}

/// <summary>A check-in after a set (S6).</summary>
public sealed record SetCheckIn(
    int ExerciseIndex,
    string VariationId,
    int SetNumber,
    Sensation Sensation,
    int? PainRating,
    FormRating? Form,
    DateTimeOffset At);

/// <summary>A finished stretch hold (one side), for daily stretching minutes (S2).</summary>
public sealed record StretchHold(StretchPart Part, string StretchId, StretchSide Side, int Seconds, DateTimeOffset At);

public enum SkippedItemKind
{
    Stretch,
    Exercise,
}

public sealed record SkippedItem(SkippedItemKind Kind, string ItemId, int Index, string Reason, DateTimeOffset At);

public sealed record WarmUpWaiver(string TrainerId, string Note, DateTimeOffset At);

/// <summary>The offer made after tightness: a stretch (optional), then easier variation or skip.</summary>
public sealed record TightnessOffer(int ExerciseIndex, string ExerciseId, PlannedStretch? Stretch, bool EasierAvailable, bool StretchDone);

public sealed record SafetyStop(
    StopReason Reason,
    Sensation? Sensation,
    int? PainRating,
    int? ExerciseIndex,
    string? ExerciseId,
    string? VariationId,
    string? Note,
    string Advice,
    DateTimeOffset At);

public sealed record SessionRating(int Form, int Effort);

public sealed record VariationSwitch(int ExerciseIndex, string FromVariationId, string ToVariationId, DateTimeOffset At);

public enum NextUpKind
{
    Readiness,
    Stretch,
    Exercise,
    Set,
    Rest,
    Choice,
    CoolDown,
    Summary,
}

/// <summary>What comes next, for a "next up" line in the UI.</summary>
public sealed record NextUp(NextUpKind Kind, string Title, string? Detail);

/// <summary>
/// The whole state of one session. Immutable; built only by folding events through
/// <see cref="SessionEngine.Evolve"/>, so a replayed state equals the live one (<c>==</c>).
/// </summary>
public sealed record SessionState
{
    public static SessionPlan EmptyPlan { get; } = new(SessionKind.Training, [], [], [], null, 0, 0, 0, 4, 6, "");

    /// <summary>The state before any event.</summary>
    public static SessionState Initial { get; } = new();

    public Guid SessionId { get; init; }

    public string MemberId { get; init; } = "";

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public SessionPlan Plan { get; init; } = EmptyPlan;

    public SessionPhase Phase { get; init; } = SessionPhase.NotStarted;

    /// <summary>How many events have been applied.</summary>
    public int Version { get; init; }

    public ReadinessAnswer? Readiness { get; init; }

    public ReadinessDecision? ReadinessDecision { get; init; }

    public bool RescreenPending { get; init; }

    public RedFlagStatus? RescreenStatus { get; init; }

    /// <summary>True when the plan is stretches only, or the readiness check made it so.</summary>
    public bool StretchingOnly { get; init; }

    public string? StretchingOnlyReason { get; init; }

    /// <summary>Which stretch list is being worked through (warm-up, cool-down, tightness), if any.</summary>
    public StretchPart? StretchPart { get; init; }

    public int StretchIndex { get; init; }

    public StretchSide Side { get; init; }

    /// <summary>True between <see cref="StretchStarted"/> and the end of that hold.</summary>
    public bool StretchInProgress { get; init; }

    /// <summary>End of the get-ready countdown of the current stretch or set.</summary>
    public DateTimeOffset? GetReadyUntil { get; init; }

    /// <summary>When the current hold, stretch or rest ends (null when nothing is timed).</summary>
    public DateTimeOffset? Deadline { get; init; }

    public bool WarmUpDone { get; init; }

    public WarmUpWaiver? WarmUpWaiver { get; init; }

    public int ExerciseIndex { get; init; }

    /// <summary>The variation being done now (the planned one, or the easier one after tightness).</summary>
    public PlannedVariation? ActiveVariation { get; init; }

    public bool BriefingConfirmed { get; init; }

    /// <summary>The current (or, during check-in and rest, the last) set number, from 1.</summary>
    public int SetNumber { get; init; }

    public ValueList<CompletedSet> CompletedSets { get; init; } = [];

    public ValueList<SetCheckIn> CheckIns { get; init; } = [];

    public ValueList<StretchHold> StretchHolds { get; init; } = [];

    public ValueList<SkippedItem> Skipped { get; init; } = [];

    public ValueList<int> FinishedExercises { get; init; } = [];

    public ValueList<VariationSwitch> VariationSwitches { get; init; } = [];

    /// <summary>Variations whose cues the member confirmed reading in this session (S5).</summary>
    public ValueList<string> ConfirmedCues { get; init; } = [];

    public TightnessOffer? TightnessOffer { get; init; }

    public SafetyStop? Stopped { get; init; }

    public string? AbandonReason { get; init; }

    public bool Paused { get; init; }

    public DateTimeOffset? PausedAt { get; init; }

    public SessionRating? Rating { get; init; }

    public bool IsFinal => Phase is SessionPhase.Completed or SessionPhase.StoppedForSafety or SessionPhase.Abandoned;

    public PlannedExercise? CurrentExercise =>
        Phase is SessionPhase.Briefing or SessionPhase.SetInProgress or SessionPhase.CheckIn or SessionPhase.Rest or SessionPhase.TightnessPause
            ? Plan.Exercises[ExerciseIndex]
            : null;

    public int TotalSets => ActiveVariation?.Sets ?? 0;

    public IReadOnlyList<PlannedStretch> StretchList(StretchPart part) => part switch
    {
        Sessions.StretchPart.WarmUp => Plan.WarmUp,
        Sessions.StretchPart.CoolDown => Plan.CoolDown,
        _ => TightnessOffer?.Stretch is { } stretch ? [stretch] : [],
    };

    /// <summary>The stretch being (or about to be) done, if any.</summary>
    public PlannedStretch? CurrentStretch =>
        StretchPart is { } part && StretchIndex < StretchList(part).Count ? StretchList(part)[StretchIndex] : null;

    /// <summary>Seconds of stretching done in this session (S2).</summary>
    public int StretchingSeconds => StretchHolds.Sum(h => h.Seconds);

    public bool IsExerciseSkipped(int exerciseIndex) =>
        Skipped.Any(s => s.Kind == SkippedItemKind.Exercise && s.Index == exerciseIndex);

    /// <summary>The next exercise index at or after <paramref name="fromIndex"/> that is not skipped, or null.</summary>
    public int? NextExerciseIndex(int fromIndex)
    {
        for (var i = fromIndex; i < Plan.Exercises.Count; i++)
        {
            if (!IsExerciseSkipped(i))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>A short description of what comes next, or null when the session is over.</summary>
    public NextUp? NextUp => NextUpDescriber.Describe(this);
}
