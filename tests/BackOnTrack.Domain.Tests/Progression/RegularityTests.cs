using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Tests.Support;

namespace BackOnTrack.Domain.Tests.Progression;

public class RegularityTests
{
    private static readonly TimeZoneInfo Offset = TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2");

    [Fact]
    public void S2_stretching_minutes_add_up_per_local_day_against_the_minimum_and_target()
    {
        var plan = Build.StarterPlan();
        var morning = Outcomes.Clean(plan, Build.T0) with { StretchingSeconds = 420 };
        var evening = Outcomes.Clean(plan, Build.T0.AddHours(12)) with { StretchingSeconds = 300 };
        var lateEvening = Outcomes.Clean(plan, Build.T0.AddHours(15)) with { StretchingSeconds = 600 };
        var day = Regularity.LocalDay(Build.T0, Offset);

        var result = Regularity.StretchingOn([morning, evening, lateEvening], day, Offset, plan);
        result.Seconds.ShouldBe(720, "the 23:00 UTC session is already the next day at UTC+2");
        result.MetMinimum.ShouldBeTrue();
        result.MetTarget.ShouldBeFalse();
    }

    [Fact]
    public void S10_training_days_per_week_count_distinct_days_with_sets_done()
    {
        var plan = Build.StarterPlan();
        var week = Regularity.LocalDay(Build.T0, Offset);
        var outcomes = new[]
        {
            Outcomes.Clean(plan, Build.T0),
            Outcomes.Clean(plan, Build.T0.AddHours(3)),
            Outcomes.Clean(plan, Build.T0.AddDays(2)),
            Outcomes.Clean(plan, Build.T0.AddDays(9)),
        };
        var result = Regularity.TrainingIn(outcomes, week, Offset, plan);
        result.TrainingDays.ShouldBe(2);
        result.OnTrack.ShouldBeFalse();
    }

    [Fact]
    public void S2_day_boundaries_follow_daylight_saving_in_the_members_zone()
    {
        // Berlin moved to summer time (UTC+2) on Sunday 30 March 2025 at 01:00 UTC.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var plan = Build.StarterPlan();
        var beforeChange = new DateTimeOffset(2025, 3, 29, 22, 30, 0, TimeSpan.Zero); // 23:30 Saturday in Berlin (UTC+1)
        var afterChange = new DateTimeOffset(2025, 3, 30, 22, 30, 0, TimeSpan.Zero);  // 00:30 Monday in Berlin (UTC+2)

        Regularity.LocalDay(beforeChange, berlin).ShouldBe(new DateOnly(2025, 3, 29));
        Regularity.LocalDay(afterChange, berlin).ShouldBe(new DateOnly(2025, 3, 31));
        var sunday = Regularity.StretchingOn(
            [Outcomes.Clean(plan, beforeChange), Outcomes.Clean(plan, afterChange)], new DateOnly(2025, 3, 30), berlin, plan);
        sunday.Seconds.ShouldBe(0);
    }
}
