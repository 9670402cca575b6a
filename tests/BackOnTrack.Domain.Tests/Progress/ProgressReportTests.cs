using BackOnTrack.Domain.Progress;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Domain.Tests.Support;

namespace BackOnTrack.Domain.Tests.Progress;

/// <summary>
/// A seeded history in New York (daylight saving began on Sunday 9 March 2025 at 02:00 local), with
/// every expected figure worked out by hand in the comments. Weeks run Monday to Sunday; the plan asks
/// for 3 training days a week and 10/20 minutes of daily stretching.
/// </summary>
public class ProgressReportTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>Wednesday of the current week (Monday 17 March).</summary>
    private static readonly DateOnly Today = new(2025, 3, 19);

    private static readonly ProgressWindow FourWeeks = new(Weeks: 4, StretchingDays: 14);

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(2025, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, NewYork.GetUtcOffset(local));
    }

    /// <summary>
    /// The plan as it stood on a day: Bridge steps up from the hold (rung 1) to the marching bridge
    /// (rung 2) on 10 March; the swing moves from the hinge drill to a light 8 kg bell on 3 March and
    /// to 12 kg on 10 March.
    /// </summary>
    private static MemberPlan PlanOn(DateOnly day) => Build.StarterPlan(plan => plan
        .WithPrescription(Build.Prescription("bridge", p => day >= new DateOnly(2025, 3, 10) ? p with { VariationId = "bridge-march", Amount = 8 } : p))
        .WithPrescription(Build.Prescription("kettlebell-swing", p =>
            day >= new DateOnly(2025, 3, 10) ? p with { VariationId = "kettlebell-swing-light", LoadKg = 12m }
            : day >= new DateOnly(2025, 3, 3) ? p with { VariationId = "kettlebell-swing-light", LoadKg = 8m }
            : p)));

    private static SessionOutcome Training(DateTimeOffset at, Func<ExerciseOutcome, ExerciseOutcome>? with = null) =>
        Outcomes.Clean(PlanOn(Regularity.LocalDay(at, NewYork)), at, with);

    private static SessionOutcome Stretching(DateTimeOffset at, int seconds) =>
        Outcomes.Clean(Build.StarterPlan(), at) with { Kind = SessionKind.StretchingOnly, Exercises = [], StretchingSeconds = seconds };

    /// <summary>Every training session stretches 5 minutes (300 s), as <see cref="Outcomes.Clean"/> does.</summary>
    private static List<SessionOutcome> History() =>
    [
        // 3 Feb, 10 Feb, 17 Feb: Monday, Wednesday, Friday at 18:00 — three weeks met.
        .. MondayWednesdayFriday(3), .. MondayWednesdayFriday(10), .. MondayWednesdayFriday(17),
        // Week of 24 Feb: two days only (not met). A stretching-only session on Saturday 1 March is not training.
        Training(Local(2, 24, 18)),
        Training(Local(2, 26, 18)),
        Stretching(Local(3, 1, 10), 600),
        // Week of 3 March: Monday, Wednesday and Sunday 9 March 23:30 EDT, which is already Monday 10 March
        // in UTC: it belongs to the member's Sunday, so this week is met.
        Training(Local(3, 3, 8)),
        Training(Local(3, 5, 8)),
        Training(Local(3, 9, 23, 30)),
        // Saturday 8 March 23:30 EST is 04:30 UTC on Sunday: 15 minutes of stretching on Saturday.
        Stretching(Local(3, 8, 23, 30), 900),
        // Week of 10 March: Monday twice (00:30 EDT — still Sunday at the winter offset — and 18:00),
        // Wednesday (eased to the easier bridge after tightness), Friday (Superman skipped): 3 days, 4 sessions.
        Training(Local(3, 10, 0, 30)),
        Training(Local(3, 10, 18)),
        Training(Local(3, 12, 18), e => e.ExerciseId == "bridge" ? e with { FinalVariationId = "bridge-hold", HadTightness = true, Clean = false } : e),
        Training(Local(3, 14, 18), e => e.ExerciseId == "superman" ? e with { SetsCompleted = 0, Skipped = true, Clean = false } : e),
        // This week so far: Monday and Tuesday (not met yet). Tuesday 21:00 EDT is Wednesday 01:00 UTC.
        Training(Local(3, 17, 18)),
        Training(Local(3, 18, 18)),
        Stretching(Local(3, 18, 21), 1200),
        // A session after today (a clock that ran ahead) is ignored.
        Training(Local(3, 21, 18)),
    ];

    private static IEnumerable<SessionOutcome> MondayWednesdayFriday(int februaryMonday) =>
        Enumerable.Range(0, 3).Select(i => Training(Local(2, februaryMonday + (2 * i), 18)));

    private static ProgressReport Report(IEnumerable<SessionOutcome>? outcomes = null, DateOnly? today = null, DateOnly? memberSince = null) =>
        ProgressReport.Build(outcomes ?? History(), Build.StarterPlan(), Build.Library, NewYork, today ?? Today, FourWeeks, memberSince);

    [Fact]
    public void The_seeded_history_has_its_day_boundary_cases_where_the_comments_say()
    {
        Local(3, 9, 23, 30).UtcDateTime.ShouldBe(new DateTime(2025, 3, 10, 3, 30, 0));
        Local(3, 10, 0, 30).ToOffset(TimeSpan.FromHours(-5)).Day.ShouldBe(9, "at the winter offset 00:30 EDT is still Sunday");
        Local(3, 8, 23, 30).UtcDateTime.Day.ShouldBe(9);
        Local(3, 18, 21).UtcDateTime.Day.ShouldBe(19);
    }

    [Fact]
    public void S10_weeks_count_distinct_local_training_days_and_sessions_against_the_plan()
    {
        var weeks = Report().Weeks;

        weeks.Select(w => w.WeekStart).ShouldBe([new(2025, 2, 24), new(2025, 3, 3), new(2025, 3, 10), new(2025, 3, 17)]);
        weeks.Select(w => w.TrainingDays).ShouldBe([2, 3, 3, 2]);
        weeks.Select(w => w.Sessions).ShouldBe([2, 3, 4, 2]);
        weeks.Select(w => w.Met).ShouldBe([false, true, true, false]);
        weeks.Select(w => w.IsCurrent).ShouldBe([false, false, false, true]);
        weeks.ShouldAllBe(w => w.PlannedDays == 3);
    }

    [Fact]
    public void S10_adherence_caps_each_week_at_the_plan_and_leaves_out_the_unfinished_current_week()
    {
        // Counted: 24 Feb (2 of 3), 3 Mar (3 of 3), 10 Mar (3 of 3); this week (2 so far) is not yet met: 8 / 9 = 88.9 %.
        Report().AdherencePercent.ShouldBe(89);
    }

    [Fact]
    public void S10_the_current_week_counts_for_adherence_and_streak_once_it_is_met()
    {
        var report = Report([.. History(), Training(Local(3, 19, 7))]);

        // 2 + 3 + 3 + 3 of 12 = 91.7 %; the streak is 3 March, 10 March and this week.
        report.AdherencePercent.ShouldBe(92);
        report.CurrentStreakWeeks.ShouldBe(3);
        report.LongestStreakWeeks.ShouldBe(3);
    }

    [Fact]
    public void S10_streaks_are_consecutive_met_weeks_over_the_whole_history()
    {
        var report = Report();

        // Met: 3, 10, 17 Feb; missed 24 Feb; met 3 and 10 March; this week under way does not break the streak.
        report.CurrentStreakWeeks.ShouldBe(2);
        report.LongestStreakWeeks.ShouldBe(3);
    }

    [Fact]
    public void S10_a_missed_last_week_ends_the_current_streak()
    {
        var report = Report(History().Where(o => o.StartedAt < Local(3, 20, 0)), today: new DateOnly(2025, 3, 26));

        // Last week (17 March) ended with 2 of 3 days.
        report.CurrentStreakWeeks.ShouldBe(0);
        report.LongestStreakWeeks.ShouldBe(3);
    }

    [Fact]
    public void S10_weeks_before_the_member_started_never_lower_adherence()
    {
        // Started on Wednesday 5 March: the week of 24 Feb is before the start and the week of 3 March is
        // partial, so both count only if met (3 March is met): 3 + 3 of 6 = 100 %.
        var report = Report(memberSince: new DateOnly(2025, 3, 5));

        report.Weeks.Select(w => w.Counted).ShouldBe([false, true, true, false]);
        report.AdherencePercent.ShouldBe(100);
    }

    [Fact]
    public void A_member_with_no_sessions_has_no_adherence_figure_and_no_streak()
    {
        var report = Report([], memberSince: Today);

        report.AdherencePercent.ShouldBeNull();
        report.CurrentStreakWeeks.ShouldBe(0);
        report.LongestStreakWeeks.ShouldBe(0);
        report.Stretching.Count.ShouldBe(14);
        report.Stretching.ShouldAllBe(d => d.Seconds == 0);
        report.HasTraining.ShouldBeFalse();
        report.Exercises.Count.ShouldBe(5, "every exercise in the plan is listed, with no points yet");
    }

    [Fact]
    public void S2_stretching_minutes_per_local_day_for_the_last_14_days_against_minimum_and_target()
    {
        var report = Report();

        report.Stretching[0].Day.ShouldBe(new DateOnly(2025, 3, 6));
        report.Stretching[^1].Day.ShouldBe(Today);
        var seconds = report.Stretching.ToDictionary(d => d.Day.Day, d => d.Seconds);
        seconds.ShouldBe(new Dictionary<int, int>
        {
            [6] = 0, [7] = 0,
            [8] = 900,        // Saturday 23:30 EST stretching (Sunday in UTC)
            [9] = 300,        // Sunday 23:30 EDT training (Monday in UTC)
            [10] = 600,       // two trainings on Monday
            [11] = 0, [12] = 300, [13] = 0, [14] = 300, [15] = 0, [16] = 0, [17] = 300,
            [18] = 1500,      // training + 20 minutes in the evening (Wednesday in UTC)
            [19] = 0,
        });
        report.StretchingDaysMeetingMinimum.ShouldBe(3);
        report.StretchingDaysMeetingTarget.ShouldBe(1);
        report.AverageStretchingMinutes.ShouldBe(5.0, 1e-9, "4,200 s over 14 days");
        report.StretchMinimumMinutes.ShouldBe(10);
        report.StretchTargetMinutes.ShouldBe(20);
    }

    [Fact]
    public void Levels_give_one_point_per_training_session_that_did_the_exercise_with_rung_name_and_load()
    {
        var report = Report();

        report.Exercises.Select(e => e.ExerciseId).ShouldBe(Build.Library.Exercises.Select(e => e.Id));

        // 14 sessions up to Sunday 9 March at the bridge hold, 6 from 10 March at the marching bridge.
        var bridge = report.Exercises.Single(e => e.ExerciseId == "bridge");
        bridge.Name.ShouldBe("Bridge");
        bridge.LadderLength.ShouldBe(4);
        bridge.Points.Select(p => p.Rung).ShouldBe([.. Enumerable.Repeat(1, 14), .. Enumerable.Repeat(2, 6)]);
        bridge.Points[13].Day.ShouldBe(new DateOnly(2025, 3, 9));
        bridge.Points[14].Day.ShouldBe(new DateOnly(2025, 3, 10));
        bridge.Latest!.VariationName.ShouldBe("Marching Bridge");
        bridge.Points.Where(p => p.EasedInSession).Select(p => p.Day).ShouldBe([new DateOnly(2025, 3, 12)]);

        // Bodyweight drill for 11 sessions, 8 kg for the 3 in the week of 3 March, then 12 kg.
        var swing = report.Exercises.Single(e => e.ExerciseId == "kettlebell-swing");
        swing.Points.Select(p => p.LoadKg).ShouldBe([.. Enumerable.Repeat<decimal?>(null, 11), 8m, 8m, 8m, .. Enumerable.Repeat<decimal?>(12m, 6)]);
        swing.Points.Select(p => p.Rung).Distinct().ShouldBe([1, 2]);
        swing.EverLoaded.ShouldBeTrue();

        // Skipped on Friday 14 March: no point that day.
        var superman = report.Exercises.Single(e => e.ExerciseId == "superman");
        superman.Points.Count.ShouldBe(19);
        superman.Points.ShouldNotContain(p => p.Day == new DateOnly(2025, 3, 14));
    }

    [Fact]
    public void S6_check_ins_per_week_count_sensations_and_safety_stops()
    {
        var week = new DateOnly(2025, 3, 10);
        var counted = SensationCounts.From([Sensation.Nothing, Sensation.Nothing, Sensation.MuscleBurn, Sensation.Tightness]);
        var outcomes = new[]
        {
            // Two sessions with per-check-in sensations on every exercise (5 exercises each).
            Training(Local(3, 10, 18), e => e with { Sensations = counted }),
            Training(Local(3, 12, 18), e => e with { Sensations = counted }),
            // A session stored before sensations were counted: only its tightness is known.
            Training(Local(3, 14, 18), e => e.ExerciseId == "bridge" ? e with { HadTightness = true } : e),
            // A sharp-pain stop on Sunday 23:30 EDT (Monday in UTC) belongs to this week.
            Outcomes.StoppedIn(PlanOn(week), "superman", Local(3, 16, 23, 30)),
        };

        var report = Report(outcomes);

        var checkIns = report.CheckIns.Single(c => c.WeekStart == week);
        checkIns.Nothing.ShouldBe(20);
        checkIns.MuscleBurn.ShouldBe(10);
        checkIns.Tightness.ShouldBe(11);
        checkIns.Stops.ShouldBe(1);
        report.CheckIns.Where(c => c.WeekStart != week).ShouldAllBe(c => c.Total == 0);
        report.CheckIns.Select(c => c.IsCurrent).ShouldBe([false, false, false, true]);
    }

    [Fact]
    public void S6_a_session_outcome_counts_each_check_in_sensation_on_its_exercise()
    {
        var run = Walk.ToCheckIn()
            .Then(new ReportSensation(Sensation.Nothing))
            .Then(new FinishRest())
            .FinishSet()
            .Then(new ReportSensation(Sensation.MuscleBurn, 2))
            .Then(new FinishRest())
            .FinishSet()
            .Then(new ReportSensation(Sensation.SharpPain, 7));

        var outcome = SessionOutcome.From(run.State);

        outcome.Exercises[0].Sensations.ShouldBe(new SensationCounts(Nothing: 1, MuscleBurn: 1, Tightness: 0, SharpPain: 1, SpineFelt: 0));
        outcome.Exercises.Skip(1).ShouldAllBe(e => e.Sensations == SensationCounts.None);
    }
}
