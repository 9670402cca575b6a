using BackOnTrack.Web.Learn;

namespace BackOnTrack.Web.Tests.Learn;

public sealed class LessonCatalogTests
{
    [Fact]
    public void The_four_principles_are_taught_in_order()
    {
        Lessons.All.Select(lesson => lesson.Slug)
            .ShouldBe(["stretching", "start-light", "form", "stop-before-pain"]);
    }

    [Fact]
    public void Every_lesson_has_a_title_a_one_line_summary_and_anchors()
    {
        foreach (var lesson in Lessons.All)
        {
            lesson.Title.ShouldNotBeNullOrWhiteSpace();
            lesson.Summary.ShouldNotBeNullOrWhiteSpace();
            lesson.Summary.ShouldNotContain("\n");
            lesson.Anchors.ShouldNotBeEmpty();
            lesson.Anchors.ShouldBeUnique();
            lesson.Href.ShouldBe($"/learn/{lesson.Slug}");
        }
    }

    [Theory]
    [InlineData("stretching", "evening", "/learn/stretching#evening")]
    [InlineData("form", "not-sure", "/learn/form#not-sure")]
    [InlineData("stop-before-pain", "tightness", "/learn/stop-before-pain#tightness")]
    [InlineData("stop-before-pain", "spine", "/learn/stop-before-pain#spine")]
    [InlineData("stop-before-pain", "red-flags", "/learn/stop-before-pain#red-flags")]
    [InlineData("start-light", "earning", "/learn/start-light#earning")]
    public void Deep_links_point_at_a_section(string slug, string anchor, string expected)
    {
        LessonPages.Lesson(slug).LinkTo(anchor).ShouldBe(expected);
    }

    [Fact]
    public void A_deep_link_to_a_missing_section_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Lessons.Form.LinkTo("no-such-section"));
    }

    [Fact]
    public void Next_lesson_follows_reading_order_and_the_last_has_none()
    {
        Lessons.After(Lessons.Stretching).ShouldBe(Lessons.StartLight);
        Lessons.After(Lessons.Form).ShouldBe(Lessons.StopBeforePain);
        Lessons.After(Lessons.StopBeforePain).ShouldBeNull();
    }

    [Fact]
    public void Every_lesson_and_the_index_is_a_public_page()
    {
        LessonPages.AllowsAnonymous(LessonPages.ForRoute(Lessons.IndexHref)).ShouldBeTrue();
        foreach (var lesson in Lessons.All)
        {
            LessonPages.AllowsAnonymous(LessonPages.ForRoute(lesson.Href)).ShouldBeTrue($"{lesson.Href} must allow anonymous users");
        }

        LessonPages.All.Count().ShouldBe(Lessons.All.Count + 1, "one page per lesson plus the index");
    }
}
