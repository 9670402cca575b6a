using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Web.Session;
using Bunit;

namespace BackOnTrack.Web.Tests.Session;

public sealed class SetViewTests : BunitContext
{
    private readonly List<SessionCommand> _sent = [];

    /// <summary>A reps set under way (the marching bridge), seen after its get-ready countdown.</summary>
    private static Play RepsSet() =>
        Play.Begin(plan => plan.WithPrescription(plan.Find("bridge")! with { VariationId = "bridge-march", Sets = 3, Amount = 8 }))
            .ToBriefing()
            .ToSet();

    private IRenderedComponent<SetView> RenderSet(Play play) =>
        Render<SetView>(p => p
            .Add(c => c.Planned, play.State.ActiveVariation!)
            .Add(c => c.ExerciseName, play.State.CurrentExercise!.Name)
            .Add(c => c.SetNumber, play.State.SetNumber)
            .Add(c => c.GetReadyUntil, play.State.GetReadyUntil)
            .Add(c => c.Deadline, play.State.Deadline)
            .Add(c => c.Now, play.State.GetReadyUntil!.Value.AddSeconds(2))
            .Add(c => c.Version, play.State.Version)
            .Add(c => c.Send, command => _sent.Add(command)));

    [Fact]
    public void Negative_reps_show_a_message_and_send_nothing()
    {
        var set = RepsSet();
        set.State.ActiveVariation!.Kind.ShouldBe(VariationKind.Reps);
        var view = RenderSet(set);

        view.Find("#reps-done").Change("-3");
        view.Find("[data-testid=set-done]").Click();

        view.Find(".validation-message").TextContent.ShouldContain("whole number");
        _sent.ShouldBeEmpty();
    }

    [Fact]
    public void Text_that_is_not_a_number_is_refused_the_same_way()
    {
        var view = RenderSet(RepsSet());

        view.Find("#reps-done").Change("eight");
        view.Find("[data-testid=set-done]").Click();

        view.FindAll(".validation-message").ShouldHaveSingleItem();
        _sent.ShouldBeEmpty();
    }

    [Fact]
    public void A_corrected_entry_clears_the_message_and_sends_the_reps_done()
    {
        var set = RepsSet();
        var view = RenderSet(set);

        view.Find("#reps-done").Change("-3");
        view.Find("#reps-done").Change("6");
        view.Find("[data-testid=set-done]").Click();

        view.FindAll(".validation-message").ShouldBeEmpty();
        _sent.ShouldBe([new CompleteSet(6)]);
        SessionEngine.Apply(set.State, _sent[0], set.Now.AddSeconds(30)).IsAccepted.ShouldBeTrue();
    }

    [Fact]
    public void Done_without_changing_anything_sends_the_target()
    {
        var view = RenderSet(RepsSet());

        view.Find(".rep-target .big-number").TextContent.ShouldBe("8");
        view.Find("[data-testid=set-done]").Click();

        _sent.ShouldBe([new CompleteSet(8)]);
    }

    [Fact]
    public void A_hold_set_shows_its_countdown_and_can_end_early()
    {
        var hold = Play.Begin().ToBriefing().ToSet();
        hold.State.ActiveVariation!.Kind.ShouldBe(VariationKind.Hold);
        var view = RenderSet(hold);

        view.FindAll("#reps-done").ShouldBeEmpty();
        view.Find("[role=timer][aria-label=Hold]").GetAttribute("data-deadline").ShouldBe(hold.State.Deadline!.Value.ToString("O"));
        view.Find("[data-testid=end-hold]").Click();

        _sent.ShouldBe([new FinishHold()]);
    }
}
