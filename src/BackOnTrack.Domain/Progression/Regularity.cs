using BackOnTrack.Domain.Sessions;

namespace BackOnTrack.Domain.Progression;

/// <summary>Stretching done on one day against the daily minimum and target (S2).</summary>
public sealed record StretchingDay(DateOnly Day, int Seconds, int MinimumMinutes, int TargetMinutes)
{
    public double Minutes => Seconds / 60.0;

    public bool MetMinimum => Seconds >= MinimumMinutes * 60;

    public bool MetTarget => Seconds >= TargetMinutes * 60;
}

/// <summary>Training days in one week against the plan's weekly frequency (S10).</summary>
public sealed record TrainingWeek(DateOnly WeekStart, int TrainingDays, int PlannedDays)
{
    public bool OnTrack => TrainingDays >= PlannedDays;
}

/// <summary>
/// Daily stretching minutes and weekly training adherence from session outcomes. The caller passes
/// the member's UTC offset, so day boundaries are the member's days, not the server's.
/// </summary>
public static class Regularity
{
    public static DateOnly LocalDay(DateTimeOffset at, TimeSpan utcOffset) => DateOnly.FromDateTime(at.ToOffset(utcOffset).DateTime);

    public static StretchingDay StretchingOn(IEnumerable<SessionOutcome> outcomes, DateOnly day, TimeSpan utcOffset, MemberPlan plan) =>
        new(
            day,
            outcomes.Where(o => LocalDay(o.StartedAt, utcOffset) == day).Sum(o => o.StretchingSeconds),
            plan.DailyStretchMinutesMinimum,
            plan.DailyStretchMinutesTarget);

    /// <summary>
    /// Days in the week starting <paramref name="weekStart"/> with a training session in which at
    /// least one set was done (stretching-only sessions do not count as training).
    /// </summary>
    public static TrainingWeek TrainingIn(IEnumerable<SessionOutcome> outcomes, DateOnly weekStart, TimeSpan utcOffset, MemberPlan plan)
    {
        var weekEnd = weekStart.AddDays(7);
        var days = outcomes
            .Where(o => o.Kind == SessionKind.Training && o.Exercises.Any(e => e.SetsCompleted > 0))
            .Select(o => LocalDay(o.StartedAt, utcOffset))
            .Where(d => d >= weekStart && d < weekEnd)
            .Distinct()
            .Count();
        return new TrainingWeek(weekStart, days, plan.TrainingDaysPerWeek);
    }
}
