namespace BackOnTrack.Domain.Progression;

/// <summary>The day after a session: "compared with before the session, your back feels ..." (S9).</summary>
public enum NextDayFeeling
{
    Better,
    Same,
    Worse,
}

/// <summary>A next-day answer tied to the session it is about.</summary>
public sealed record NextDayCheck(Guid SessionId, NextDayFeeling Feeling, DateTimeOffset AnsweredAt);

public enum AdviceKind
{
    Stay,
    StepUp,
    StepDown,
}

public enum StepKind
{
    None,
    MoreReps,
    LongerHold,
    HarderVariation,
    MoreLoad,
    EasierVariation,
    FewerReps,
    ShorterHold,
}

/// <summary>
/// What to do with one exercise next time, and why. <see cref="Proposed"/> equals
/// <see cref="Current"/> for <see cref="AdviceKind.Stay"/>.
/// </summary>
public sealed record Advice(
    string ExerciseId,
    AdviceKind Kind,
    StepKind Step,
    ExercisePrescription Current,
    ExercisePrescription Proposed,
    string Reason,
    bool FlagTrainer,
    IReadOnlyList<string> Recommendations)
{
    public IReadOnlyList<string> Recommendations { get; init => field = ValueList.From(value); } = ValueList.From(Recommendations);
}
