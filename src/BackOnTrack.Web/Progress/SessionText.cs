using System.Globalization;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;

namespace BackOnTrack.Web.Progress;

/// <summary>How a past session's facts read in the history: times in the member's zone, stops, sensations, form.</summary>
public static class SessionText
{
    public static DateTime Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public static string When(DateTime utc, TimeZoneInfo zone) =>
        Local(utc, zone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string StopReasonShort(StopReason reason) => reason switch
    {
        StopReason.SpineFelt => "felt in the spine",
        StopReason.SharpPain => "sharp pain",
        StopReason.PainRating => "pain rating too high",
        StopReason.MemberStopped => "you pressed STOP",
        StopReason.ReadinessBlocked => "back too sore to train",
        StopReason.RedFlag => "a safety answer needs a professional",
        _ => reason.ToString(),
    };

    public static string SensationText(Sensation sensation) => sensation switch
    {
        Sensation.Nothing => "Nothing special",
        Sensation.MuscleBurn => "Muscle burn",
        Sensation.Tightness => "Tightness",
        Sensation.SharpPain => "Sharp pain",
        Sensation.SpineFelt => "Felt in the spine",
        _ => sensation.ToString(),
    };

    public static string Form(FormRating? form) => form switch
    {
        FormRating.Good => "form good",
        FormRating.Unsure => "unsure of form",
        FormRating.Poor => "form poor",
        _ => "form not rated",
    };

    public static string Side(StretchSide side) => side switch
    {
        StretchSide.Left => "left",
        StretchSide.Right => "right",
        _ => "",
    };
}
