using BackOnTrack.Web.Learn;
using Bunit;
using Bunit.Rendering;

namespace BackOnTrack.Web.Tests.Learn;

public sealed class LessonPageTests : IDisposable
{
    private readonly BunitContext _context = new();

    public void Dispose() => _context.Dispose();

    [Theory]
    [MemberData(nameof(LessonPages.Slugs), MemberType = typeof(LessonPages))]
    public void Lesson_renders_its_title_as_the_only_h1(string slug)
    {
        var lesson = LessonPages.Lesson(slug);

        var page = RenderPage(lesson.Href);

        var headings = page.FindAll("h1");
        headings.Count.ShouldBe(1);
        headings[0].TextContent.Trim().ShouldBe(lesson.Title);
    }

    [Theory]
    [MemberData(nameof(LessonPages.Slugs), MemberType = typeof(LessonPages))]
    public void Lesson_has_every_catalog_anchor_exactly_once(string slug)
    {
        var lesson = LessonPages.Lesson(slug);

        var page = RenderPage(lesson.Href);

        foreach (var anchor in lesson.Anchors)
        {
            page.FindAll($"[id='{anchor}']").Count.ShouldBe(1, $"{lesson.Href}#{anchor}");
        }
    }

    [Theory]
    [MemberData(nameof(LessonPages.Slugs), MemberType = typeof(LessonPages))]
    public void Lesson_has_three_to_six_sections_and_a_way_back(string slug)
    {
        var page = RenderPage(LessonPages.Lesson(slug).Href);

        page.FindAll(".lesson-body > section").Count.ShouldBeInRange(3, 6);
        page.FindAll("a[href='/learn']")
            .ShouldContain(link => link.TextContent.Contains("Back to lessons", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(LessonPages.Slugs), MemberType = typeof(LessonPages))]
    public void Links_inside_a_lesson_point_at_real_lessons_and_sections(string slug)
    {
        var page = RenderPage(LessonPages.Lesson(slug).Href);

        var internalLinks = page.FindAll("a[href^='/learn/']").Select(link => link.GetAttribute("href")!);
        foreach (var href in internalLinks)
        {
            var parts = href["/learn/".Length..].Split('#');
            var target = Lessons.Find(parts[0]);
            target.ShouldNotBeNull(href);
            if (parts.Length > 1)
            {
                target.Anchors.ShouldContain(parts[1], href);
            }
        }
    }

    [Theory]
    [InlineData("nothing-special", "Nothing special")]
    [InlineData("muscle-burn", "Muscle burn")]
    [InlineData("tightness", "Tightness")]
    [InlineData("sharp-pain", "Sharp or stabbing pain")]
    [InlineData("spine", "spine")]
    public void Stop_before_pain_explains_each_check_in_answer(string anchor, string heading)
    {
        var page = RenderPage(Lessons.StopBeforePain.Href);

        page.Find($"#{anchor} h3").TextContent.ShouldContain(heading);
    }

    [Fact]
    public void Stop_before_pain_gives_the_rating_bands_and_the_red_flags()
    {
        var page = RenderPage(Lessons.StopBeforePain.Href);

        var rating = page.Find("#pain-rating").TextContent;
        rating.ShouldContain("0–3");
        rating.ShouldContain("4–5");
        rating.ShouldContain("6 or more");

        var redFlags = page.Find("#red-flags");
        redFlags.TextContent.ShouldContain("not medical advice");
        redFlags.TextContent.ShouldContain("urgent medical care");
        redFlags.QuerySelectorAll("li").Length.ShouldBe(7);
    }

    [Fact]
    public void Stretching_gives_the_daily_minutes()
    {
        var page = RenderPage(Lessons.Stretching.Href);

        var howMuch = page.Find("#how-much").TextContent;
        howMuch.ShouldContain("10 minutes");
        howMuch.ShouldContain("20 minutes");
        page.Find("#evening").TextContent.ShouldContain("Knee-to-chest");
        page.Find("#evening").TextContent.ShouldContain("Piriformis");
    }

    private IRenderedComponent<ContainerFragment> RenderPage(string route)
    {
        var pageType = LessonPages.ForRoute(route);
        return _context.Render(builder =>
        {
            builder.OpenComponent(0, pageType);
            builder.CloseComponent();
        });
    }
}
