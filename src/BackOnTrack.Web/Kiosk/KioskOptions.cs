using System.ComponentModel.DataAnnotations;

namespace BackOnTrack.Web.Kiosk;

/// <summary>Gym kiosk knobs, bound from "Kiosk" and validated on start.</summary>
public sealed class KioskOptions
{
    public const string SectionName = "Kiosk";

    /// <summary>Idle time (outside a running countdown) before the "Still there?" warning.</summary>
    [Range(3, 3600)]
    public int IdleSeconds { get; set; } = 120;

    /// <summary>How long the warning shows before the member is signed out.</summary>
    [Range(2, 600)]
    public int WarningSeconds { get; set; } = 30;

    /// <summary>Wrong PINs in a row that lock one member's kiosk sign-in.</summary>
    [Range(1, 100)]
    public int MemberMaxFailures { get; set; } = 5;

    [Range(1, 1440)]
    public int MemberLockoutMinutes { get; set; } = 15;

    /// <summary>Failed sign-ins one tablet may make within <see cref="DeviceWindowMinutes"/> before it answers 429.</summary>
    [Range(1, 1000)]
    public int DeviceMaxFailures { get; set; } = 10;

    [Range(1, 1440)]
    public int DeviceWindowMinutes { get; set; } = 10;

    /// <summary>How long an unused enrolment code stays valid.</summary>
    [Range(1, 720)]
    public int EnrolmentValidHours { get; set; } = 24;

    /// <summary>The longest a kiosk sign-in lasts, idle or not (the sign-in cookie's own expiry).</summary>
    [Range(1, 24)]
    public int SignInMaxHours { get; set; } = 3;

    public TimeSpan Idle => TimeSpan.FromSeconds(IdleSeconds);

    public TimeSpan Warning => TimeSpan.FromSeconds(WarningSeconds);
}
