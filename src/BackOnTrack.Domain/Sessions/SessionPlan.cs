using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Safety;

namespace BackOnTrack.Domain.Sessions;

public enum SessionKind
{
    /// <summary>Warm-up stretches, the five exercises, cool-down stretches.</summary>
    Training,

    /// <summary>Stretches only: the evening routine (S2).</summary>
    StretchingOnly,
}

/// <summary>A stretch as planned for one session (a snapshot: replay needs no library).</summary>
public sealed record PlannedStretch(string StretchId, string Name, int HoldSeconds, bool PerSide);

/// <summary>
/// One variation as planned for a session. <see cref="Amount"/> is the reps target (Reps) or hold
/// seconds (Hold). <see cref="IsNewVariation"/> means the member has not yet confirmed they read
/// this variation's cues (S5).
/// </summary>
public sealed record PlannedVariation(
    string VariationId,
    string Name,
    VariationKind Kind,
    int Sets,
    int Amount,
    int RestSeconds,
    decimal? LoadKg,
    bool PerSide,
    bool IsNewVariation)
{
    public int? Reps => Kind == VariationKind.Reps ? Amount : null;

    public int? HoldSeconds => Kind == VariationKind.Hold ? Amount : null;
}

/// <summary>
/// An exercise in a session: the prescribed variation and, if there is one, its easier neighbour
/// (offered after tightness, S6).
/// </summary>
public sealed record PlannedExercise(
    string ExerciseId,
    string Name,
    PlannedVariation Variation,
    PlannedVariation? Easier);

/// <summary>
/// Everything a session needs, carried in <see cref="SessionStarted"/> so that replaying the log
/// needs nothing else. All times are in the plan, never in the engine.
/// </summary>
public sealed record SessionPlan(
    SessionKind Kind,
    IReadOnlyList<PlannedStretch> WarmUp,
    IReadOnlyList<PlannedExercise> Exercises,
    IReadOnlyList<PlannedStretch> CoolDown,
    PlannedStretch? TightnessStretch,
    int GetReadySeconds,
    int SwitchSidesSeconds,
    int DeadlineToleranceSeconds,
    int PainCautionFrom,
    int PainStopFrom,
    string LibraryVersion)
{
    public IReadOnlyList<PlannedStretch> WarmUp { get; init => field = ValueList.From(value); } = ValueList.From(WarmUp);

    public IReadOnlyList<PlannedExercise> Exercises { get; init => field = ValueList.From(value); } = ValueList.From(Exercises);

    public IReadOnlyList<PlannedStretch> CoolDown { get; init => field = ValueList.From(value); } = ValueList.From(CoolDown);

    public PainThresholds Pain => new(PainCautionFrom, PainStopFrom);
}

/// <summary>
/// Timing knobs for building plans. Defaults suit real sessions; tests and demos shorten them.
/// The overrides replace every stretch hold, exercise hold or rest with one value.
/// </summary>
public sealed record SessionTimings
{
    public static SessionTimings Default { get; } = new();

    public int GetReadySeconds { get; init; } = 3;

    public int SwitchSidesSeconds { get; init; } = 5;

    /// <summary>How early a "time is up" command may arrive (browser and server clocks differ a little).</summary>
    public int DeadlineToleranceSeconds { get; init; } = 1;

    public int? StretchHoldSecondsOverride { get; init; }

    public int? ExerciseHoldSecondsOverride { get; init; }

    public int? RestSecondsOverride { get; init; }
}
