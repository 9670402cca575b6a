using BackOnTrack.Domain.Safety;
using BackOnTrack.Web.Session;
using Bunit;

namespace BackOnTrack.Web.Tests.Session;

public sealed class StopPanelTests : BunitContext
{
    private readonly List<(Sensation? Sensation, string? Reason)> _stops = [];
    private int _abandons;

    private IRenderedComponent<StopPanel> RenderPanel(bool open = true) =>
        Render<StopPanel>(p => p
            .Add(c => c.Open, open)
            .Add(c => c.CanPause, true)
            .Add(c => c.OnStop, stop => _stops.Add(stop))
            .Add(c => c.OnAbandon, () => _abandons++));

    [Fact]
    public void S6_something_in_my_spine_sends_SpineFelt()
    {
        var panel = RenderPanel();

        panel.FindAll("button").Single(b => b.TextContent.Contains("Something in my spine", StringComparison.Ordinal)).Click();

        _stops.ShouldBe([(Sensation.SpineFelt, null)]);
        _abandons.ShouldBe(0);
    }

    [Fact]
    public void Sharp_pain_and_other_pain_are_safety_stops_and_no_pain_is_an_early_finish()
    {
        var panel = RenderPanel();

        panel.Find("[data-stop=SharpPain]").Click();
        panel.Find("[data-stop=Other]").Click();
        panel.Find("[data-stop=NoPain]").Click();

        _stops.ShouldBe([(Sensation.SharpPain, null), (null, StopPanel.OtherPainReason)]);
        _abandons.ShouldBe(1);
    }

    [Fact]
    public void A_closed_panel_renders_nothing()
    {
        RenderPanel(open: false).Markup.Trim().ShouldBeEmpty();
    }
}
