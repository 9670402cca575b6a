using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progress;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Web.Progress;
using Bunit;
using MudBlazor.Services;

namespace BackOnTrack.Web.Tests.Progress;

/// <summary>
/// The progress charts alone, from parameters: each draws a MudChart hidden from screen readers and
/// carries the same figures as text (a sentence and a table) hidden from sight.
/// </summary>
public sealed class ChartTests : BunitContext
{
    private static readonly DateOnly Monday = new(2025, 3, 17);

    public ChartTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static string SummaryOf<TChart>(IRenderedComponent<TChart> chart, string testId)
        where TChart : Microsoft.AspNetCore.Components.IComponent =>
        chart.Find($"[data-testid='{testId}'] [data-testid='chart-summary']").TextContent;

    private static void ShouldDrawAChartHiddenFromScreenReaders<TChart>(IRenderedComponent<TChart> chart, string testId)
        where TChart : Microsoft.AspNetCore.Components.IComponent
    {
        var figure = chart.Find($"figure[data-testid='{testId}']");
        chart.Find($"#{figure.GetAttribute("aria-labelledby")}").TagName.ShouldBe("FIGCAPTION");
        var drawing = figure.QuerySelector(".chart-drawing").ShouldNotBeNull();
        drawing.GetAttribute("aria-hidden").ShouldBe("true");
        drawing.QuerySelector("svg").ShouldNotBeNull("MudChart draws SVG");
        figure.QuerySelector(".visually-hidden table").ShouldNotBeNull();
    }

    [Fact]
    public void S10_the_adherence_chart_says_in_words_how_many_weeks_met_the_plan_and_how_this_week_stands()
    {
        AdherenceWeek[] weeks =
        [
            new(Monday.AddDays(-21), TrainingDays: 2, Sessions: 2, PlannedDays: 3, IsCurrent: false, FullWeek: true),
            new(Monday.AddDays(-14), 3, 3, 3, false, true),
            new(Monday.AddDays(-7), 4, 5, 3, false, true),
            new(Monday, 1, 1, 3, true, false),
        ];

        var chart = Render<AdherenceChart>(p => p.Add(c => c.Weeks, weeks));

        ShouldDrawAChartHiddenFromScreenReaders(chart, "adherence-chart");
        var summary = SummaryOf(chart, "adherence-chart");
        summary.ShouldContain("In the 3 weeks before this one you met your plan of 3 training days in 2.");
        summary.ShouldContain("This week so far: 1 of 3.");
        chart.FindAll("[data-testid='chart-summary'] tbody tr").Count.ShouldBe(4);
        chart.Find("[data-testid='chart-summary'] tbody tr:last-child").TextContent.ShouldContain("17 Mar (this week)");
        chart.Find(".chart-caption").TextContent.ShouldBe("Your plan: 3 training days a week.");
    }

    [Fact]
    public void S2_the_stretching_chart_says_in_words_how_many_days_met_the_minimum_and_the_target()
    {
        StretchingDay[] days =
        [
            .. Enumerable.Range(0, 11).Select(i => new StretchingDay(Monday.AddDays(i - 13), 0, 10, 20)),
            new(Monday.AddDays(-2), 600, 10, 20),
            new(Monday.AddDays(-1), 1500, 10, 20),
            new(Monday, 300, 10, 20),
        ];

        var chart = Render<StretchingChart>(p => p.Add(c => c.Days, days));

        ShouldDrawAChartHiddenFromScreenReaders(chart, "stretching-chart");
        var summary = SummaryOf(chart, "stretching-chart");
        summary.ShouldContain("Over the last 14 days you stretched on 3, 2.9 minutes a day on average.");
        summary.ShouldContain("2 days reached the 10-minute minimum and 1 the 20-minute target.");
        summary.ShouldContain("Today: 5 minutes.");
        chart.Find(".chart-caption").TextContent.ShouldBe("Aim for at least 10 minutes a day, ideally 20.");
    }

    [Fact]
    public void The_levels_chart_lists_each_exercise_level_now_and_where_it_started_and_adds_a_load_chart_when_loaded()
    {
        var sessions = Enumerable.Range(0, 4).Select(i => (Id: Guid.NewGuid(), Day: Monday.AddDays(2 * i))).ToList();
        LevelPoint Point(int session, string variationId, string name, int rung, decimal? kg = null) => new(
            sessions[session].Id, new DateTimeOffset(sessions[session].Day.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero), sessions[session].Day,
            variationId, name, rung, kg, VariationKind.Reps, 10, 3, 3, EasedInSession: false, Stopped: false);
        ExerciseProgress[] exercises =
        [
            new("bridge", "Bridge", 4, [Point(0, "bridge-hold", "Bridge Hold", 1), Point(1, "bridge-hold", "Bridge Hold", 1), Point(2, "bridge-march", "Marching Bridge", 2), Point(3, "bridge-march", "Marching Bridge", 2)]),
            new("kettlebell-swing", "Kettlebell Swing", 3, [Point(1, "kettlebell-swing-light", "Two-Hand Swing, Light Bell", 2, 8m), Point(3, "kettlebell-swing-light", "Two-Hand Swing, Light Bell", 2, 12m)]),
            new("superman", "Superman", 3, []),
        ];

        var chart = Render<LevelsChart>(p => p.Add(c => c.Exercises, exercises));

        ShouldDrawAChartHiddenFromScreenReaders(chart, "levels-chart");
        var rows = chart.FindAll("[data-testid='levels-chart'] [data-testid='chart-summary'] tbody tr");
        rows.Select(r => r.QuerySelector("th")!.TextContent).ShouldBe(["Bridge", "Kettlebell Swing"]);
        rows[0].TextContent.ShouldContain("2 of 4");
        rows[0].TextContent.ShouldContain("Marching Bridge");
        rows[0].TextContent.ShouldContain("level 1, Bridge Hold");
        rows[1].TextContent.ShouldContain("12 kg");
        SummaryOf(chart, "levels-chart").ShouldContain("Levels over your last 4 training sessions.");
        SummaryOf(chart, "load-chart").ShouldContain("Kettlebell Swing: 12 kg now, first loaded at 8 kg.");
    }

    [Fact]
    public void Without_training_the_levels_chart_says_so_and_draws_no_load_chart()
    {
        var chart = Render<LevelsChart>(p => p.Add(c => c.Exercises, [new ExerciseProgress("bridge", "Bridge", 4, [])]));

        SummaryOf(chart, "levels-chart").ShouldContain("No training sessions yet.");
        chart.FindAll("[data-testid='load-chart']").ShouldBeEmpty();
    }

    [Fact]
    public void S6_the_check_in_chart_says_in_words_what_sets_felt_like_and_when_a_session_was_stopped()
    {
        CheckInWeek[] weeks =
        [
            new(Monday.AddDays(-14), Nothing: 10, MuscleBurn: 5, Tightness: 0, Stops: 0, IsCurrent: false),
            new(Monday.AddDays(-7), 6, 8, 2, 1, false),
            new(Monday, 3, 0, 1, 0, true),
        ];

        var chart = Render<CheckInChart>(p => p.Add(c => c.Weeks, weeks));

        ShouldDrawAChartHiddenFromScreenReaders(chart, "check-in-chart");
        var summary = SummaryOf(chart, "check-in-chart");
        summary.ShouldContain("In the last 3 weeks: 19 check-ins said nothing special, 13 muscle burn and 3 tightness.");
        summary.ShouldContain("1 session was stopped for safety, in the week of 10 Mar.");
    }

    [Fact]
    public void A_report_built_by_the_domain_renders_in_every_chart()
    {
        var plan = MemberPlan.Starter(ExerciseLibrary.BuiltIn, EquipmentOwned.None, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var report = ProgressReport.Build([], plan, ExerciseLibrary.BuiltIn, TimeZoneInfo.Utc, Monday);

        Render<AdherenceChart>(p => p.Add(c => c.Weeks, report.Weeks)).Find("figure").ShouldNotBeNull();
        Render<StretchingChart>(p => p.Add(c => c.Days, report.Stretching)).Find("figure").ShouldNotBeNull();
        Render<LevelsChart>(p => p.Add(c => c.Exercises, report.Exercises)).Find("figure").ShouldNotBeNull();
        Render<CheckInChart>(p => p.Add(c => c.Weeks, report.CheckIns)).Markup.ShouldContain("No check-ins in the last 8 weeks.");
    }
}
