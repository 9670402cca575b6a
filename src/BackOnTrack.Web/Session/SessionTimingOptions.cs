using System.ComponentModel.DataAnnotations;
using BackOnTrack.Domain.Sessions;

namespace BackOnTrack.Web.Session;

/// <summary>
/// Timing knobs for new sessions, bound from "SessionTimings". Real sessions use the library's times;
/// the overrides exist so a demo or an end-to-end test can run a whole session in seconds through the
/// same code paths.
/// </summary>
public sealed class SessionTimingOptions
{
    public const string SectionName = "SessionTimings";

    [Range(0, 10)]
    public int GetReadySeconds { get; set; } = 3;

    [Range(0, 30)]
    public int SwitchSidesSeconds { get; set; } = 5;

    [Range(1, 600)]
    public int? StretchHoldSecondsOverride { get; set; }

    [Range(1, 600)]
    public int? ExerciseHoldSecondsOverride { get; set; }

    [Range(0, 600)]
    public int? RestSecondsOverride { get; set; }

    public SessionTimings ToTimings() => SessionTimings.Default with
    {
        GetReadySeconds = GetReadySeconds,
        SwitchSidesSeconds = SwitchSidesSeconds,
        StretchHoldSecondsOverride = StretchHoldSecondsOverride,
        ExerciseHoldSecondsOverride = ExerciseHoldSecondsOverride,
        RestSecondsOverride = RestSecondsOverride,
    };
}
