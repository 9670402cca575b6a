using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Tests.Support;

namespace BackOnTrack.Domain.Tests.Progression;

public class RegularityTests
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(2);

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
}
