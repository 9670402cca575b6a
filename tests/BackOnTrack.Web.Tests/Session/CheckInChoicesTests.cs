using BackOnTrack.Domain.Safety;
using BackOnTrack.Web.Session;
using Bunit;

namespace BackOnTrack.Web.Tests.Session;

public sealed class CheckInChoicesTests : BunitContext
{
    private readonly List<(Sensation Sensation, int? PainRating, FormRating? Form)> _answers = [];

    private IRenderedComponent<CheckInChoices> RenderChoices() =>
        Render<CheckInChoices>(p => p.Add(c => c.OnAnswer, answer => _answers.Add(answer)));

    [Fact]
    public void S6_offers_the_five_sensations_in_order()
    {
        var choices = RenderChoices();

        var buttons = choices.FindAll("button[data-sensation]");
        buttons.Select(b => b.GetAttribute("data-sensation")).ShouldBe(
            [nameof(Sensation.Nothing), nameof(Sensation.MuscleBurn), nameof(Sensation.Tightness), nameof(Sensation.SharpPain), nameof(Sensation.SpineFelt)]);
        buttons.Select(b => b.QuerySelector(".sensation-title")!.TextContent).ShouldBe(
            ["Nothing special", "Muscle burn", "Tightness", "Sharp or stabbing pain", "Something in my spine"]);
        _answers.ShouldBeEmpty("nothing is sent until the member picks");
    }

    [Fact]
    public void S6_something_in_my_spine_answers_SpineFelt()
    {
        var choices = RenderChoices();

        choices.FindAll("button[data-sensation]").Single(b => b.TextContent.Contains("Something in my spine", StringComparison.Ordinal)).Click();

        _answers.ShouldBe([(Sensation.SpineFelt, null, null)]);
    }

    [Fact]
    public void The_pain_rating_and_form_rating_go_with_the_answer()
    {
        var choices = RenderChoices();

        choices.Find("#pain-rating").Input("3");
        choices.FindAll("button[role=radio]").Single(b => b.TextContent == "Not sure").Click();
        choices.Find("button[data-sensation=MuscleBurn]").Click();

        _answers.ShouldBe([(Sensation.MuscleBurn, 3, FormRating.Unsure)]);
        choices.Find("[data-testid=pain-value]").TextContent.ShouldBe("3");
    }

    [Theory]
    [InlineData("6")]
    [InlineData("10")]
    public void S6_a_rating_of_six_or_more_warns_that_it_ends_the_session(string rating)
    {
        var choices = RenderChoices();

        choices.Find("#pain-rating").Input(rating);

        choices.Find(".alert-warning").TextContent.ShouldContain("6 or more ends the session");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    public void A_rating_below_six_shows_no_stop_warning(string rating)
    {
        var choices = RenderChoices();

        choices.Find("#pain-rating").Input(rating);

        choices.FindAll(".alert-warning").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("lots")]
    public void An_impossible_rating_is_ignored_and_never_sent(string rating)
    {
        var choices = RenderChoices();

        choices.Find("#pain-rating").Input(rating);
        choices.Find("button[data-sensation=Nothing]").Click();

        _answers.ShouldBe([(Sensation.Nothing, null, null)]);
        choices.Find("[data-testid=pain-value]").TextContent.ShouldBe("not rated");
    }
}
