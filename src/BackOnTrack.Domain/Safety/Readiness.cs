namespace BackOnTrack.Domain.Safety;

/// <summary>"How is your back right now?"</summary>
public enum BackFeeling
{
    Good,
    Stiff,
    Sore,
    Painful,
}

public enum ReadinessDecision
{
    /// <summary>Go ahead with the planned session.</summary>
    Proceed,

    /// <summary>Only stretching today (the reason is given).</summary>
    StretchingOnly,

    /// <summary>No session today (advice is given).</summary>
    Blocked,

    /// <summary>Something new was reported: ask the red-flag questions again first (S8).</summary>
    RescreenRequired,
}

/// <summary>The member's answers before a session. Pain rating 0–10 is optional.</summary>
public sealed record ReadinessAnswer(BackFeeling Feeling, bool AnythingNew, int? PainRating = null);

public sealed record ReadinessOutcome(ReadinessDecision Decision, string Message);

/// <summary>The check before each session: decides whether to train, only stretch, or rest.</summary>
public static class Readiness
{
    public const string Question = "How is your back right now?";
    public const string NewSymptomsQuestion = "Anything new with your back or your health since last time?";

    /// <summary>
    /// Assesses readiness. <paramref name="stretchingSession"/> is true for a stretching-only session,
    /// where a sore back may still stretch gently. Returns null when the answer is not valid (pain
    /// rating outside 0–10); the caller shows a validation message.
    /// </summary>
    public static ReadinessOutcome? Assess(ReadinessAnswer answer, bool stretchingSession, PainThresholds pain)
    {
        if (answer.PainRating is { } rating && !PainThresholds.IsValidRating(rating))
        {
            return null;
        }

        if (answer.AnythingNew)
        {
            return new(ReadinessDecision.RescreenRequired,
                "Something has changed, so we will ask the safety questions again before you start.");
        }

        return AssessIgnoringNewSymptoms(answer, stretchingSession, pain);
    }

    /// <summary>The outcome once any rescreen has come back clear.</summary>
    public static ReadinessOutcome AssessIgnoringNewSymptoms(ReadinessAnswer answer, bool stretchingSession, PainThresholds pain)
    {
        var painLevel = pain.Classify(answer.PainRating);
        if (answer.Feeling == BackFeeling.Painful || painLevel == PainLevel.Stop)
        {
            return new(ReadinessDecision.Blocked,
                "Your back is hurting right now, so today is a rest day. Move gently, and if the pain is " +
                "severe, getting worse, or not settling over a few days, see a health professional.");
        }

        if (!stretchingSession && (answer.Feeling == BackFeeling.Sore || painLevel == PainLevel.Caution))
        {
            return new(ReadinessDecision.StretchingOnly,
                "Your back is sore today, so we will only do the gentle stretches. Strength work can wait for a better day.");
        }

        return answer.Feeling == BackFeeling.Stiff
            ? new(ReadinessDecision.Proceed, "A stiff back usually loosens with the warm-up. Take the stretches slowly.")
            : new(ReadinessDecision.Proceed, "Good to go.");
    }
}
