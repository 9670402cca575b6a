namespace BackOnTrack.Web.Learn;

/// <summary>
/// One lesson in the Learn section: its address, heading, one-line summary, and the ids of the
/// sections other pages may deep-link to (for example <c>/learn/stop-before-pain#tightness</c>).
/// </summary>
public sealed record LessonEntry(string Slug, string Title, string Summary, IReadOnlyList<string> Anchors)
{
    /// <summary>The lesson's own page, e.g. <c>/learn/stretching</c>.</summary>
    public string Href => $"{Lessons.IndexHref}/{Slug}";

    /// <summary>
    /// A link straight to one section of the lesson. Throws for an id the lesson does not have, so a
    /// renamed section shows up as a failing test rather than a silently broken link.
    /// </summary>
    public string LinkTo(string anchor) =>
        Anchors.Contains(anchor, StringComparer.Ordinal)
            ? $"{Href}#{anchor}"
            : throw new ArgumentOutOfRangeException(nameof(anchor), anchor, $"The lesson '{Slug}' has no section with that id.");
}

/// <summary>
/// The four lessons, in reading order. The pages under <c>Learn/</c> render the text; this catalog is
/// what the index, the deep links elsewhere in the app, and the tests enumerate.
/// </summary>
public static class Lessons
{
    public const string IndexHref = "/learn";

    public static LessonEntry Stretching { get; } = new(
        "stretching",
        "Stretch first, and every day",
        "Loosen up before you strengthen: a few minutes daily, before every workout, and again in the evening.",
        ["why", "how-much", "before-workouts", "evening", "how-to-hold"]);

    public static LessonEntry StartLight { get; } = new(
        "start-light",
        "Start light, grow slowly",
        "Begin with your own bodyweight, keep any weights well below your limit, and step up only in small, earned steps.",
        ["bodyweight", "weights", "light-weeks", "small-steps", "earning"]);

    public static LessonEntry Form { get; } = new(
        "form",
        "Form comes first",
        "A neutral spine and slow, controlled movement matter more than how much you lift or how many reps you do.",
        ["neutral-spine", "control", "brace-and-breathe", "read-the-cues", "not-sure", "progression"]);

    public static LessonEntry StopBeforePain { get; } = new(
        "stop-before-pain",
        "Stop before it hurts",
        "What the check-in after each set means, how to tell effort from warning signs, and when to get medical help.",
        ["check-in", "nothing-special", "muscle-burn", "tightness", "sharp-pain", "spine", "pain-is-a-signal", "pain-rating", "red-flags"]);

    public static IReadOnlyList<LessonEntry> All { get; } = [Stretching, StartLight, Form, StopBeforePain];

    public static LessonEntry? Find(string slug) =>
        All.FirstOrDefault(lesson => string.Equals(lesson.Slug, slug, StringComparison.Ordinal));

    /// <summary>The lesson after <paramref name="lesson"/> in reading order, or null for the last one.</summary>
    public static LessonEntry? After(LessonEntry lesson)
    {
        var index = -1;
        for (var i = 0; i < All.Count; i++)
        {
            if (ReferenceEquals(All[i], lesson))
            {
                index = i;
                break;
            }
        }

        return index >= 0 && index + 1 < All.Count ? All[index + 1] : null;
    }
}
