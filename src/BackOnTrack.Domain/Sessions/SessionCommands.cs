using BackOnTrack.Domain.Safety;

namespace BackOnTrack.Domain.Sessions;

/// <summary>Something the member (or a trainer) asks the session to do. Decided by <see cref="SessionEngine.Decide"/>.</summary>
public abstract record SessionCommand;

/// <summary>"How is your back right now?" and "anything new since last time?" (readiness check).</summary>
public sealed record AnswerReadiness(BackFeeling Feeling, bool AnythingNew, int? PainRating = null) : SessionCommand;

/// <summary>Answers to the red-flag questions when the readiness check asked for a rescreen (S8).</summary>
public sealed record AnswerRedFlagScreen(IReadOnlyList<RedFlagAnswer> Answers) : SessionCommand;

/// <summary>Start the current stretch (get-ready countdown, then the hold).</summary>
public sealed record StartStretch : SessionCommand;

/// <summary>The stretch hold's time is up.</summary>
public sealed record FinishStretchHold : SessionCommand;

/// <summary>A trainer lets the member go straight to the exercises (S1, logged).</summary>
public sealed record WaiveWarmUp(string TrainerId, string Note) : SessionCommand;

/// <summary>The member has seen the form cues; a new variation needs <paramref name="CuesRead"/> true (S5).</summary>
public sealed record ConfirmBriefing(bool CuesRead) : SessionCommand;

/// <summary>Start the next set (after the briefing).</summary>
public sealed record StartSet : SessionCommand;

/// <summary>A reps set is done, with how many reps were done.</summary>
public sealed record CompleteSet(int RepsDone) : SessionCommand;

/// <summary>A timed hold set is done (early is allowed: the seconds actually held are recorded).</summary>
public sealed record FinishHold : SessionCommand;

/// <summary>The check-in after a set (S6), with an optional 0–10 pain rating and form self-rating (S5).</summary>
public sealed record ReportSensation(Sensation Sensation, int? PainRating = null, FormRating? Form = null) : SessionCommand;

/// <summary>The rest's time is up.</summary>
public sealed record FinishRest : SessionCommand;

/// <summary>Cut the rest short and go on.</summary>
public sealed record SkipRest : SessionCommand;

public enum TightnessChoice
{
    EasierVariation,
    SkipExercise,
}

/// <summary>After tightness: carry on with the easier variation, or skip the exercise.</summary>
public sealed record ChooseAfterTightness(TightnessChoice Choice) : SessionCommand;

/// <summary>Skip the current item (an exercise, a cool-down stretch, an evening stretch), with a reason.</summary>
public sealed record Skip(string Reason) : SessionCommand;

public sealed record Pause : SessionCommand;

public sealed record Resume : SessionCommand;

/// <summary>The always-visible STOP (S6). Accepted in every phase that is not final.</summary>
public sealed record Stop(Sensation? Sensation = null, int? PainRating = null, string? Reason = null) : SessionCommand;

/// <summary>How the session went: form 1–5, effort 1–10.</summary>
public sealed record RateSession(int Form, int Effort) : SessionCommand;

/// <summary>Close the session from the summary.</summary>
public sealed record FinishSession : SessionCommand;

/// <summary>Leave the session without a safety reason (it ends as abandoned).</summary>
public sealed record Abandon(string? Reason = null) : SessionCommand;
