using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Web.Session;
using Bunit;

namespace BackOnTrack.Web.Tests.Session;

public sealed class SummaryViewTests : BunitContext
{
    private readonly List<SessionCommand> _sent = [];

    private IRenderedComponent<SummaryView> RenderSummary(SessionState state) =>
        Render<SummaryView>(p => p
            .Add(c => c.State, state)
            .Add(c => c.Send, command => _sent.Add(command)));

    /// <summary>The whole bridge (three holds), then one set of the back extension and "something in my spine".</summary>
    private static SessionState StoppedInTheSecondExercise() =>
        Play.Begin().ToBriefing().FinishExercise()
            .ToSet().FinishSet()
            .Then(new ReportSensation(Sensation.SpineFelt))
            .State;

    [Fact]
    public void S6_a_safety_stop_shows_the_safety_panel_with_the_stop_advice()
    {
        var state = StoppedInTheSecondExercise();
        state.Phase.ShouldBe(SessionPhase.StoppedForSafety);

        var summary = RenderSummary(state);

        var panel = summary.Find("[data-testid=safety-stop]");
        panel.GetAttribute("role").ShouldBe("alert");
        panel.QuerySelector("h1")!.TextContent.ShouldBe("Session stopped for your safety");
        panel.TextContent.ShouldContain("You felt something in your spine");
        panel.TextContent.ShouldContain(SessionEngine.StopAdvice(StopReason.SpineFelt));
        summary.FindAll("[data-testid=finish-session]").ShouldBeEmpty("a stopped session is over: there is nothing to finish");
    }

    [Fact]
    public void The_table_lists_every_exercise_with_its_sets_and_check_ins()
    {
        var state = StoppedInTheSecondExercise();

        var summary = RenderSummary(state);

        var rows = summary.FindAll("[data-testid=summary-table] tbody tr");
        rows.Select(r => r.GetAttribute("data-exercise")).ShouldBe(state.Plan.Exercises.Select(e => e.ExerciseId));
        var bridgeHold = state.Plan.Exercises[0].Variation;
        Cell(rows[0], 0).ShouldBe(string.Join(", ", Enumerable.Repeat($"{bridgeHold.Amount}s", bridgeHold.Sets)));
        Cell(rows[0], 1).ShouldBe(string.Join(", ", Enumerable.Repeat("Muscle burn (2/10)", bridgeHold.Sets)));
        var secondSet = state.CompletedSets.Single(s => s.ExerciseIndex == 1);
        Cell(rows[1], 0).ShouldBe(secondSet.Kind == BackOnTrack.Domain.Library.VariationKind.Hold ? $"{secondSet.Done}s" : $"{secondSet.Done}");
        Cell(rows[1], 1).ShouldBe("Something in my spine");
        rows.Skip(2).ShouldAllBe(r => r.QuerySelectorAll("td")[0].TextContent.Trim() == "Not done");
    }

    [Fact]
    public void A_finished_session_shows_skipped_exercises_with_their_reason_and_can_be_finished()
    {
        var summary = Play.Begin().ToBriefing().FinishExercise()
            .While(s => s.Phase == SessionPhase.Briefing, _ => new Skip("Short on time"))
            .While(s => s.Phase == SessionPhase.CoolDown, s => s.StretchInProgress ? new FinishStretchHold() : new StartStretch());
        summary.State.Phase.ShouldBe(SessionPhase.Summary);

        var view = RenderSummary(summary.State);

        view.FindAll("[data-testid=safety-stop]").ShouldBeEmpty();
        var rows = view.FindAll("[data-testid=summary-table] tbody tr");
        rows.Skip(1).ShouldAllBe(r => r.QuerySelectorAll("td")[0].TextContent.Trim() == "Skipped: Short on time");
        view.Find("[data-testid=finish-session]").Click();
        _sent.ShouldBe([new FinishSession()]);
    }

    [Fact]
    public void The_rating_is_sent_only_once_both_form_and_effort_are_picked()
    {
        var view = RenderSummary(StoppedInTheSecondExercise());
        var save = () => view.FindAll("button").Single(b => b.TextContent == "Save rating");

        save().HasAttribute("disabled").ShouldBeTrue();
        view.FindAll("[aria-labelledby=form-rate] button").Single(b => b.TextContent == "4").Click();
        save().HasAttribute("disabled").ShouldBeTrue();
        view.FindAll("[aria-labelledby=effort-rate] button").Single(b => b.TextContent == "7").Click();
        save().Click();

        _sent.ShouldBe([new RateSession(4, 7)]);
    }

    private static string Cell(AngleSharp.Dom.IElement row, int column) => row.QuerySelectorAll("td")[column].TextContent.Trim();
}
