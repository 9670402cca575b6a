using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Safety;

namespace BackOnTrack.Domain.Sessions;

/// <summary>
/// How one planned exercise went. <see cref="Amount"/> is the prescribed reps or hold seconds.
/// <see cref="Clean"/> means: every set done at the prescribed variation and target, no stop, no
/// pain at caution level or above, no tightness, no set self-rated Unsure or Poor (S4, S5).
/// </summary>
public sealed record ExerciseOutcome(
    int ExerciseIndex,
    string ExerciseId,
    string PrescribedVariationId,
    string FinalVariationId,
    VariationKind Kind,
    int Amount,
    decimal? LoadKg,
    int SetsPlanned,
    int SetsCompleted,
    bool Skipped,
    string? SkipReason,
    bool StoppedForSafety,
    StopReason? StopReason,
    int? MaxPain,
    bool HadTightness,
    bool FormConcern,
    bool Clean,
    string? NotCleanBecause)
{
    /// <summary>
    /// How many check-ins of each sensation this exercise had (S6). Null on outcomes stored before it
    /// was recorded; those still carry <see cref="HadTightness"/> and <see cref="MaxPain"/>.
    /// </summary>
    public SensationCounts? Sensations { get; init; }
}

/// <summary>Check-ins counted by sensation (S6).</summary>
public sealed record SensationCounts(int Nothing, int MuscleBurn, int Tightness, int SharpPain, int SpineFelt)
{
    public static SensationCounts None { get; } = new(0, 0, 0, 0, 0);

    public int Total => Nothing + MuscleBurn + Tightness + SharpPain + SpineFelt;

    public static SensationCounts From(IEnumerable<Sensation> sensations) =>
        sensations.Aggregate(None, (counts, sensation) => counts.Add(sensation));

    public SensationCounts Add(Sensation sensation) => sensation switch
    {
        Sensation.Nothing => this with { Nothing = Nothing + 1 },
        Sensation.MuscleBurn => this with { MuscleBurn = MuscleBurn + 1 },
        Sensation.Tightness => this with { Tightness = Tightness + 1 },
        Sensation.SharpPain => this with { SharpPain = SharpPain + 1 },
        Sensation.SpineFelt => this with { SpineFelt = SpineFelt + 1 },
        _ => this,
    };

    public SensationCounts Plus(SensationCounts other) => new(
        Nothing + other.Nothing,
        MuscleBurn + other.MuscleBurn,
        Tightness + other.Tightness,
        SharpPain + other.SharpPain,
        SpineFelt + other.SpineFelt);
}

/// <summary>What a finished (or stopped, or abandoned) session amounts to, for progress and progression.</summary>
public sealed record SessionOutcome(
    Guid SessionId,
    string MemberId,
    SessionKind Kind,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    SessionPhase FinalPhase,
    bool StoppedForSafety,
    StopReason? StopReason,
    int StretchingSeconds,
    SessionRating? Rating,
    IReadOnlyList<ExerciseOutcome> Exercises,
    IReadOnlyList<string> ConfirmedCues)
{
    /// <summary>A session form rating at or below this counts as a form concern for every exercise.</summary>
    public const int PoorSessionFormRating = 2;

    public IReadOnlyList<ExerciseOutcome> Exercises { get; init => field = ValueList.From(value); } = ValueList.From(Exercises);

    public IReadOnlyList<string> ConfirmedCues { get; init => field = ValueList.From(value); } = ValueList.From(ConfirmedCues);

    /// <summary>When the session ended, or when it started if it never ended.</summary>
    public DateTimeOffset EndedOrStartedAt => EndedAt ?? StartedAt;

    public ExerciseOutcome? For(string exerciseId) => Exercises.FirstOrDefault(e => e.ExerciseId == exerciseId);

    public static SessionOutcome From(SessionState state)
    {
        var exercises = state.Plan.Exercises.Select((planned, index) => ForExercise(state, planned, index)).ToList();
        return new SessionOutcome(
            state.SessionId,
            state.MemberId,
            state.StretchingOnly ? SessionKind.StretchingOnly : state.Plan.Kind,
            state.StartedAt,
            state.EndedAt,
            state.Phase,
            state.Phase == SessionPhase.StoppedForSafety,
            state.Stopped?.Reason,
            state.StretchingSeconds,
            state.Rating,
            exercises,
            state.ConfirmedCues);
    }

    private static ExerciseOutcome ForExercise(SessionState state, PlannedExercise planned, int index)
    {
        var prescribed = planned.Variation;
        var sets = state.CompletedSets.Where(s => s.ExerciseIndex == index).ToList();
        var prescribedSets = sets.Where(s => s.VariationId == prescribed.VariationId).ToList();
        var checkIns = state.CheckIns.Where(c => c.ExerciseIndex == index).ToList();
        var skip = state.Skipped.FirstOrDefault(s => s.Kind == SkippedItemKind.Exercise && s.Index == index);
        var stoppedHere = state.Stopped is { ExerciseIndex: { } stoppedIndex } && stoppedIndex == index;
        var maxPain = checkIns.Where(c => c.PainRating is not null).Select(c => c.PainRating).Max();
        var tightness = checkIns.Any(c => c.Sensation == Sensation.Tightness);
        var formConcern = checkIns.Any(c => c.Form is FormRating.Poor or FormRating.Unsure)
            || state.Rating is { Form: <= PoorSessionFormRating };
        var final = state.VariationSwitches.LastOrDefault(s => s.ExerciseIndex == index)?.ToVariationId ?? prescribed.VariationId;

        var notClean =
            state.Phase == SessionPhase.StoppedForSafety ? "the session was stopped for safety"
            : skip is not null ? "the exercise was skipped"
            : tightness ? "tightness was reported"
            : maxPain >= state.Plan.PainCautionFrom ? $"pain was rated {maxPain}"
            : formConcern ? "form was not confirmed as good"
            : prescribedSets.Count < prescribed.Sets ? $"{prescribedSets.Count} of {prescribed.Sets} sets were done"
            : prescribedSets.Any(s => !s.ReachedTarget) ? "not every set reached its target"
            : null;

        return new ExerciseOutcome(
            index,
            planned.ExerciseId,
            prescribed.VariationId,
            final,
            prescribed.Kind,
            prescribed.Amount,
            prescribed.LoadKg,
            prescribed.Sets,
            sets.Count,
            skip is not null,
            skip?.Reason,
            stoppedHere,
            stoppedHere ? state.Stopped!.Reason : null,
            maxPain,
            tightness,
            formConcern,
            notClean is null,
            notClean)
        {
            Sensations = SensationCounts.From(checkIns.Select(c => c.Sensation)),
        };
    }
}
