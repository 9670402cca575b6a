using BackOnTrack.Web.Learn;
using Bunit;

namespace BackOnTrack.Web.Tests.Learn;

public sealed class LearnIndexTests : IDisposable
{
    private readonly BunitContext _context = new();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void Index_has_an_h1_and_no_back_link()
    {
        var index = _context.Render<LearnIndex>();

        index.FindAll("h1").Count.ShouldBe(1);
        index.FindAll("a").ShouldNotContain(link => link.TextContent.Contains("Back to lessons", StringComparison.Ordinal));
    }

    [Fact]
    public void Index_links_to_every_lesson_with_its_title_and_summary()
    {
        var index = _context.Render<LearnIndex>();

        var cards = index.FindAll("a.lesson-card");
        cards.Select(card => card.GetAttribute("href")).ShouldBe(Lessons.All.Select(lesson => lesson.Href));
        foreach (var lesson in Lessons.All)
        {
            var card = cards.Single(c => c.GetAttribute("href") == lesson.Href);
            card.TextContent.ShouldContain(lesson.Title);
            card.TextContent.ShouldContain(lesson.Summary);
        }
    }
}
