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
/// the member's time zone, so day boundaries are the member's days (daylight saving included), not
/// the server's: a session at 23:30 local time on Monday counts for Monday whatever the UTC date.
/// A session counts for the day it started. Weeks run Monday to Sunday.
/// </summary>
public static class Regularity
{
    /// <summary>The member's calendar day at an instant.</summary>
    public static DateOnly LocalDay(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>The Monday of the week holding <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>A training session in which at least one set was done (stretching-only sessions are not training).</summary>
    public static bool IsTraining(SessionOutcome outcome) =>
        outcome.Kind == SessionKind.Training && outcome.Exercises.Any(e => e.SetsCompleted > 0);

    public static StretchingDay StretchingOn(IEnumerable<SessionOutcome> outcomes, DateOnly day, TimeZoneInfo zone, MemberPlan plan) =>
        new(
            day,
            outcomes.Where(o => LocalDay(o.StartedAt, zone) == day).Sum(o => o.StretchingSeconds),
            plan.DailyStretchMinutesMinimum,
            plan.DailyStretchMinutesTarget);

    /// <summary>Days in the week starting <paramref name="weekStart"/> with a training session (see <see cref="IsTraining"/>).</summary>
    public static TrainingWeek TrainingIn(IEnumerable<SessionOutcome> outcomes, DateOnly weekStart, TimeZoneInfo zone, MemberPlan plan)
    {
        var weekEnd = weekStart.AddDays(7);
        var days = outcomes
            .Where(IsTraining)
            .Select(o => LocalDay(o.StartedAt, zone))
            .Where(d => d >= weekStart && d < weekEnd)
            .Distinct()
            .Count();
        return new TrainingWeek(weekStart, days, plan.TrainingDaysPerWeek);
    }
}
