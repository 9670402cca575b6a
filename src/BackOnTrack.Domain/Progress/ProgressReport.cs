using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Sessions;

namespace BackOnTrack.Domain.Progress;

/// <summary>How far back the report looks: weeks of training and check-ins, and days of stretching.</summary>
public sealed record ProgressWindow(int Weeks = 8, int StretchingDays = 28)
{
    public const int MaxWeeks = 156;
    public const int MaxStretchingDays = 366;

    public static ProgressWindow Default { get; } = new();
}

/// <summary>
/// Training in one week (Monday to Sunday, the member's days) against the plan's weekly frequency (S10).
/// <see cref="TrainingDays"/> counts distinct days with a training session in which a set was done;
/// <see cref="Sessions"/> counts those sessions. <see cref="FullWeek"/> means the week is over and the
/// member had started by its Monday.
/// </summary>
public sealed record AdherenceWeek(DateOnly WeekStart, int TrainingDays, int Sessions, int PlannedDays, bool IsCurrent, bool FullWeek)
{
    public DateOnly WeekEnd => WeekStart.AddDays(6);

    public bool Met => TrainingDays >= PlannedDays;

    /// <summary>
    /// Whether the week counts towards adherence: every full week does; the current week, or the week
    /// the member started in, only once it is met, so an unfinished week never lowers the figure.
    /// </summary>
    public bool Counted => FullWeek || Met;
}

/// <summary>
/// One training session that did an exercise: the variation prescribed (its rung on the ladder, from 1
/// = easiest; 0 when the library no longer knows it), the load (null = bodyweight) and how it went.
/// <see cref="EasedInSession"/> means the member switched to the easier variation after tightness.
/// </summary>
public sealed record LevelPoint(
    Guid SessionId,
    DateTimeOffset At,
    DateOnly Day,
    string VariationId,
    string VariationName,
    int Rung,
    decimal? LoadKg,
    VariationKind Kind,
    int Amount,
    int SetsCompleted,
    int SetsPlanned,
    bool EasedInSession,
    bool Stopped);

/// <summary>An exercise's level and load over time, oldest first.</summary>
public sealed record ExerciseProgress(string ExerciseId, string Name, int LadderLength, IReadOnlyList<LevelPoint> Points)
{
    public IReadOnlyList<LevelPoint> Points { get; init => field = ValueList.From(value); } = ValueList.From(Points);

    public LevelPoint? Latest => Points.Count > 0 ? Points[^1] : null;

    public bool EverLoaded => Points.Any(p => p.LoadKg is not null);
}

/// <summary>
/// Check-in answers in one week (S6): how many said nothing special, muscle burn or tightness, and how
/// many sessions were stopped for safety (sharp pain, the spine, a high pain rating, STOP, a red flag).
/// </summary>
public sealed record CheckInWeek(DateOnly WeekStart, int Nothing, int MuscleBurn, int Tightness, int Stops, bool IsCurrent)
{
    public int Total => Nothing + MuscleBurn + Tightness + Stops;
}

/// <summary>
/// A member's progress from their session outcomes: weekly adherence and streaks (S10), daily
/// stretching against the minimum and target (S2), each exercise's level and load over time, and
/// check-in answers per week. Pure: the time zone and today's date come in, so day boundaries are the
/// member's (daylight saving included) and the figures are the same whenever they are computed.
/// </summary>
public sealed record ProgressReport(
    DateOnly Today,
    int PlannedDaysPerWeek,
    int StretchMinimumMinutes,
    int StretchTargetMinutes,
    IReadOnlyList<AdherenceWeek> Weeks,
    int? AdherencePercent,
    int CurrentStreakWeeks,
    int LongestStreakWeeks,
    IReadOnlyList<StretchingDay> Stretching,
    IReadOnlyList<ExerciseProgress> Exercises,
    IReadOnlyList<CheckInWeek> CheckIns)
{
    public IReadOnlyList<AdherenceWeek> Weeks { get; init => field = ValueList.From(value); } = ValueList.From(Weeks);

    public IReadOnlyList<StretchingDay> Stretching { get; init => field = ValueList.From(value); } = ValueList.From(Stretching);

    public IReadOnlyList<ExerciseProgress> Exercises { get; init => field = ValueList.From(value); } = ValueList.From(Exercises);

    public IReadOnlyList<CheckInWeek> CheckIns { get; init => field = ValueList.From(value); } = ValueList.From(CheckIns);

    public int StretchingDaysMeetingMinimum => Stretching.Count(d => d.MetMinimum);

    public int StretchingDaysMeetingTarget => Stretching.Count(d => d.MetTarget);

    public double AverageStretchingMinutes => Stretching.Count == 0 ? 0 : Stretching.Average(d => d.Minutes);

    public bool HasTraining => Exercises.Any(e => e.Points.Count > 0);

    /// <param name="outcomes">The member's ended sessions, in any order; sessions after today are ignored.</param>
    /// <param name="plan">The current plan: weekly frequency and daily stretching minimum and target.</param>
    /// <param name="library">For variation names and rungs.</param>
    /// <param name="zone">The member's time zone: every day and week is the member's.</param>
    /// <param name="today">The member's today.</param>
    /// <param name="window">How many weeks and stretching days to show.</param>
    /// <param name="memberSince">The day the member started; weeks before it never lower adherence.</param>
    public static ProgressReport Build(
        IEnumerable<SessionOutcome> outcomes,
        MemberPlan plan,
        ExerciseLibrary library,
        TimeZoneInfo zone,
        DateOnly today,
        ProgressWindow? window = null,
        DateOnly? memberSince = null)
    {
        window ??= ProgressWindow.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(window.Weeks, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window.Weeks, ProgressWindow.MaxWeeks);
        ArgumentOutOfRangeException.ThrowIfLessThan(window.StretchingDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window.StretchingDays, ProgressWindow.MaxStretchingDays);

        var dated = outcomes
            .Select(o => (Outcome: o, Day: Regularity.LocalDay(o.StartedAt, zone)))
            .Where(x => x.Day <= today)
            .OrderBy(x => x.Outcome.StartedAt)
            .ToList();
        var thisWeek = Regularity.WeekStart(today);
        var training = dated.Where(x => Regularity.IsTraining(x.Outcome)).ToList();
        var trainingDaysByWeek = training
            .GroupBy(x => Regularity.WeekStart(x.Day))
            .ToDictionary(g => g.Key, g => (Days: g.Select(x => x.Day).Distinct().Count(), Sessions: g.Count()));

        var weeks = Enumerable.Range(0, window.Weeks)
            .Select(i => thisWeek.AddDays(-7 * (window.Weeks - 1 - i)))
            .Select(start =>
            {
                var done = trainingDaysByWeek.GetValueOrDefault(start);
                var isCurrent = start == thisWeek;
                var fullWeek = !isCurrent && (memberSince is not { } since || start >= since);
                return new AdherenceWeek(start, done.Days, done.Sessions, plan.TrainingDaysPerWeek, isCurrent, fullWeek);
            })
            .ToList();

        var (current, longest) = Streaks(trainingDaysByWeek, plan.TrainingDaysPerWeek, thisWeek);

        var stretchingByDay = dated
            .GroupBy(x => x.Day)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Outcome.StretchingSeconds));
        var stretching = Enumerable.Range(0, window.StretchingDays)
            .Select(i => today.AddDays(i - window.StretchingDays + 1))
            .Select(day => new StretchingDay(day, stretchingByDay.GetValueOrDefault(day), plan.DailyStretchMinutesMinimum, plan.DailyStretchMinutesTarget))
            .ToList();

        var outcomesByWeek = dated.ToLookup(x => Regularity.WeekStart(x.Day), x => x.Outcome);
        var checkIns = weeks
            .Select(week =>
            {
                var inWeek = outcomesByWeek[week.WeekStart].ToList();
                var counts = inWeek.SelectMany(o => o.Exercises).Select(SensationsOf).Aggregate(SensationCounts.None, (a, b) => a.Plus(b));
                return new CheckInWeek(week.WeekStart, counts.Nothing, counts.MuscleBurn, counts.Tightness, inWeek.Count(o => o.StoppedForSafety), week.IsCurrent);
            })
            .ToList();

        return new ProgressReport(
            today,
            plan.TrainingDaysPerWeek,
            plan.DailyStretchMinutesMinimum,
            plan.DailyStretchMinutesTarget,
            weeks,
            AdherenceOf(weeks),
            current,
            longest,
            stretching,
            Levels(training, plan, library),
            checkIns);
    }

    /// <summary>
    /// Training days done out of those planned, over the weeks that count (<see cref="AdherenceWeek.Counted"/>),
    /// each week capped at the plan so an extra session never makes up for a missed week. Null when no week counts yet.
    /// </summary>
    private static int? AdherenceOf(IReadOnlyList<AdherenceWeek> weeks)
    {
        var counted = weeks.Where(w => w.Counted && w.PlannedDays > 0).ToList();
        if (counted.Count == 0)
        {
            return null;
        }

        var done = counted.Sum(w => Math.Min(w.TrainingDays, w.PlannedDays));
        var planned = counted.Sum(w => w.PlannedDays);
        return (int)Math.Round(100.0 * done / planned, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Consecutive weeks meeting the plan. The current streak ends with last week, or with this week
    /// once it is met (a week still under way does not break a streak).
    /// </summary>
    private static (int Current, int Longest) Streaks(
        Dictionary<DateOnly, (int Days, int Sessions)> byWeek, int plannedDays, DateOnly thisWeek)
    {
        bool Met(DateOnly week) => byWeek.TryGetValue(week, out var done) && done.Days >= plannedDays;

        var longest = 0;
        var run = 0;
        var first = byWeek.Count == 0 ? thisWeek : byWeek.Keys.Min();
        for (var week = first; week <= thisWeek; week = week.AddDays(7))
        {
            run = Met(week) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var current = 0;
        for (var week = Met(thisWeek) ? thisWeek : thisWeek.AddDays(-7); week >= first && Met(week); week = week.AddDays(-7))
        {
            current++;
        }

        return (current, longest);
    }

    private static SensationCounts SensationsOf(ExerciseOutcome exercise) =>
        exercise.Sensations ?? (exercise.HadTightness ? SensationCounts.None with { Tightness = 1 } : SensationCounts.None);

    /// <summary>Exercises in library order: those in the plan, and any others the member has done.</summary>
    private static List<ExerciseProgress> Levels(IReadOnlyList<(SessionOutcome Outcome, DateOnly Day)> training, MemberPlan plan, ExerciseLibrary library)
    {
        var done = training
            .SelectMany(x => x.Outcome.Exercises.Where(e => e.SetsCompleted > 0).Select(e => (x.Outcome, x.Day, Exercise: e)))
            .ToLookup(x => x.Exercise.ExerciseId, StringComparer.Ordinal);

        return library.Exercises
            .Where(e => plan.Find(e.Id) is not null || done.Contains(e.Id))
            .Select(exercise => new ExerciseProgress(
                exercise.Id,
                exercise.Name,
                exercise.Ladder.Count,
                done[exercise.Id].Select(x =>
                {
                    var e = x.Exercise;
                    var variation = exercise.FindVariation(e.PrescribedVariationId);
                    return new LevelPoint(
                        x.Outcome.SessionId,
                        x.Outcome.StartedAt,
                        x.Day,
                        e.PrescribedVariationId,
                        variation?.Name ?? e.PrescribedVariationId,
                        variation?.Rung ?? 0,
                        e.LoadKg,
                        e.Kind,
                        e.Amount,
                        e.SetsCompleted,
                        e.SetsPlanned,
                        e.FinalVariationId != e.PrescribedVariationId,
                        e.StoppedForSafety);
                }).ToList()))
            .ToList();
    }
}
