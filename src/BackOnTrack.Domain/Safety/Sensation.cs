namespace BackOnTrack.Domain.Safety;

/// <summary>What the member feels after a set or when pressing STOP (S6).</summary>
public enum Sensation
{
    /// <summary>Nothing special: carry on.</summary>
    Nothing,

    /// <summary>Muscle burn or fatigue: normal training effort, carry on.</summary>
    MuscleBurn,

    /// <summary>Tightness: pause, offer a stretch, then an easier variation or skip the exercise.</summary>
    Tightness,

    /// <summary>Sharp or stabbing pain: end the exercise and the session.</summary>
    SharpPain,

    /// <summary>Anything felt in the spine: stop at once, end the session and rest.</summary>
    SpineFelt,
}

/// <summary>The member's own view of their form on a set (S5). Unsure or Poor blocks progression.</summary>
public enum FormRating
{
    Good,
    Unsure,
    Poor,
}

/// <summary>Where a 0–10 pain rating falls.</summary>
public enum PainLevel
{
    Fine,
    Caution,
    Stop,
}

/// <summary>
/// Pain rating bands, kept as data so a physiotherapist can tune them:
/// below <see cref="CautionFrom"/> is fine, from it is caution (no progression from that session),
/// from <see cref="StopFrom"/> it is treated as a stop.
/// </summary>
public sealed record PainThresholds(int CautionFrom = 4, int StopFrom = 6)
{
    public const int MinRating = 0;
    public const int MaxRating = 10;

    public static PainThresholds Default { get; } = new();

    public static bool IsValidRating(int rating) => rating is >= MinRating and <= MaxRating;

    public PainLevel Classify(int rating) =>
        rating >= StopFrom ? PainLevel.Stop
        : rating >= CautionFrom ? PainLevel.Caution
        : PainLevel.Fine;

    public PainLevel Classify(int? rating) => rating is { } value ? Classify(value) : PainLevel.Fine;
}
