namespace BackOnTrack.Domain.Progression;

/// <summary>
/// The numbers behind progression (S4, S7, S9), as one record with defaults so a physiotherapist
/// can tune them from configuration.
/// </summary>
public sealed record ProgressionRules
{
    public static ProgressionRules Default { get; } = new();

    /// <summary>Clean sessions in a row at the current prescription before any step up.</summary>
    public int MinCleanSessionsInARow { get; init; } = 3;

    /// <summary>Weeks at the current variation and load before the load may rise.</summary>
    public int MinWeeksAtLoad { get; init; } = 3;

    /// <summary>The largest load rise as a percentage (unless the next owned size is the smallest real step).</summary>
    public decimal MaxLoadStepPercent { get; init; } = 10m;

    /// <summary>A load rise smaller than this is not a real step; the next size up is used instead.</summary>
    public decimal MinLoadStepPercent { get; init; } = 2m;

    /// <summary>Reps added per step up.</summary>
    public int RepStep { get; init; } = 2;

    /// <summary>Seconds added per step up of a hold.</summary>
    public int HoldStepSeconds { get; init; } = 5;

    /// <summary>A pain rating from here makes a session not clean (no progression from it).</summary>
    public int PainCautionFrom { get; init; } = 4;

    /// <summary>A pain rating from here is treated as a stop.</summary>
    public int PainStopFrom { get; init; } = 6;
}
