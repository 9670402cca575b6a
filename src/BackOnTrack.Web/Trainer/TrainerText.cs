using System.Globalization;
using BackOnTrack.Domain.Trainer;

namespace BackOnTrack.Web.Trainer;

/// <summary>How the trainer views word times and triage kinds.</summary>
public static class TrainerText
{
    /// <summary>"3 days ago (12 Mar)", "2 h ago", "just now".</summary>
    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var span = now - at;
        var day = at.UtcDateTime.ToString("d MMM", CultureInfo.InvariantCulture);
        return span.TotalMinutes < 2 ? "just now"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min ago"
            : span.TotalDays < 1 ? $"{(int)span.TotalHours} h ago"
            : span.TotalDays < 2 ? $"yesterday ({day})"
            : $"{(int)span.TotalDays} days ago ({day})";
    }

    public static string Ago(DateTime utc, DateTimeOffset now) => Ago(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), now);

    public static string Kind(TriageKind kind) => kind switch
    {
        TriageKind.RedFlag => "Red flag",
        TriageKind.SpineStop => "Spine stop",
        TriageKind.PainStop => "Pain stop",
        TriageKind.WorseNextDay => "Worse next day",
        TriageKind.PainTrendingUp => "Pain rising",
        TriageKind.AdherenceFalling => "Falling off",
        TriageKind.ReadyToStepUp => "Ready to step up",
        _ => kind.ToString(),
    };

    /// <summary>A CSS modifier: danger for safety flags, caution for the rest, calm for good news.</summary>
    public static string Tone(TriageKind kind) => kind switch
    {
        TriageKind.RedFlag or TriageKind.SpineStop or TriageKind.PainStop => "danger",
        TriageKind.ReadyToStepUp => "calm",
        _ => "caution",
    };

    public static string Day(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
}
