using System.Globalization;

namespace BackOnTrack.Web.Progress;

/// <summary>How dates and amounts read in the progress charts and their text versions.</summary>
public static class ChartText
{
    /// <summary>Chart colours that read on both the light and the dark theme.</summary>
    public const string Primary = "#2e9c80";
    public const string Muted = "#8a9a93";
    public const string Calm = "#4f8fd6";
    public const string Caution = "#f0a030";
    public const string Danger = "#d9473b";

    public static string Day(DateOnly day) => day.ToString("d MMM", CultureInfo.InvariantCulture);

    public static string LongDay(DateOnly day) => day.ToString("dddd d MMMM", CultureInfo.InvariantCulture);

    public static string Minutes(double minutes) => minutes.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Kg(decimal kg) => kg.ToString("0.##", CultureInfo.InvariantCulture) + " kg";

    public static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    /// <summary>Axis labels for many points: the first, every <paramref name="every"/>th and the last; the rest blank.</summary>
    public static string[] Sparse(IReadOnlyList<string> labels, int every) =>
        labels.Select((label, i) => i == 0 || i == labels.Count - 1 || i % every == 0 ? label : "").ToArray();
}
