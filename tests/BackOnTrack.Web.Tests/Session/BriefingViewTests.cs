using BackOnTrack.Domain.Sessions;
using BackOnTrack.Web.Session;
using Bunit;

namespace BackOnTrack.Web.Tests.Session;

public sealed class BriefingViewTests : BunitContext
{
    private readonly List<SessionCommand> _sent = [];

    private IRenderedComponent<BriefingView> RenderBriefing(SessionState state) =>
        Render<BriefingView>(p => p
            .Add(c => c.Planned, state.ActiveVariation!)
            .Add(c => c.Variation, Play.Library.GetExercise(state.CurrentExercise!.ExerciseId).FindVariation(state.ActiveVariation!.VariationId))
            .Add(c => c.ExerciseName, state.CurrentExercise!.Name)
            .Add(c => c.Index, state.ExerciseIndex)
            .Add(c => c.Count, state.Plan.Exercises.Count)
            .Add(c => c.Confirmed, state.BriefingConfirmed)
            .Add(c => c.Send, command => _sent.Add(command)));

    [Fact]
    public void S5_a_new_variation_cannot_be_confirmed_until_the_cues_are_ticked_as_read()
    {
        var briefing = Play.Begin().ToBriefing();
        briefing.State.ActiveVariation!.IsNewVariation.ShouldBeTrue("a new member has read no cues yet");
        var view = RenderBriefing(briefing.State);

        view.Find("[data-testid=confirm-briefing]").HasAttribute("disabled").ShouldBeTrue();
        view.Find("h1").TextContent.ShouldBe("Bridge: Bridge Hold");
        view.FindAll(".cues h3").Select(h => h.TextContent).ShouldBe(["Set up", "Move", "Breathe", "Avoid", "Feel it in"]);

        view.Find("[data-testid=cues-read]").Change(true);
        view.Find("[data-testid=confirm-briefing]").HasAttribute("disabled").ShouldBeFalse();
        view.Find("[data-testid=confirm-briefing]").Click();

        _sent.ShouldBe([new ConfirmBriefing(CuesRead: true)]);
        SessionEngine.Apply(briefing.State, _sent[0], briefing.Now.AddSeconds(5)).IsAccepted.ShouldBeTrue("the engine accepts what the view sends");
    }

    [Fact]
    public void S5_unticking_the_cues_disables_confirm_again()
    {
        var view = RenderBriefing(Play.Begin().ToBriefing().State);

        view.Find("[data-testid=cues-read]").Change(true);
        view.Find("[data-testid=cues-read]").Change(false);

        view.Find("[data-testid=confirm-briefing]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public void S5_a_variation_whose_cues_were_read_before_needs_no_tick()
    {
        var briefing = Play.Begin(plan => plan.WithConfirmedCues(["bridge-hold"])).ToBriefing();
        briefing.State.ActiveVariation!.IsNewVariation.ShouldBeFalse();
        var view = RenderBriefing(briefing.State);

        view.FindAll("[data-testid=cues-read]").ShouldBeEmpty();
        view.Find("[data-testid=confirm-briefing]").Click();

        _sent.ShouldBe([new ConfirmBriefing(CuesRead: true)]);
    }

    [Fact]
    public void A_confirmed_briefing_offers_Start_set_1_which_starts_the_set()
    {
        var confirmed = Play.Begin().ToBriefing().Then(new ConfirmBriefing(CuesRead: true));
        var view = RenderBriefing(confirmed.State);

        view.FindAll("[data-testid=confirm-briefing]").ShouldBeEmpty();
        var start = view.Find("[data-testid=start-set]");
        start.TextContent.Trim().ShouldBe("Start set 1");
        start.Click();

        _sent.ShouldBe([new StartSet()]);
        SessionEngine.Apply(confirmed.State, _sent[0], confirmed.Now.AddSeconds(5)).State.Phase.ShouldBe(SessionPhase.SetInProgress);
    }
}
