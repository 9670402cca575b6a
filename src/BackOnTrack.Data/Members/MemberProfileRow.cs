namespace BackOnTrack.Data.Members;

/// <summary>A member's training set-up: goal, equipment, current plan and preferences. One row per member.</summary>
public class MemberProfileRow
{
    public string MemberId { get; set; } = "";

    public string Goal { get; set; } = "";

    /// <summary>The equipment the member owns, as JSON (mapped by hand in MemberStore).</summary>
    public string EquipmentJson { get; set; } = "{}";

    /// <summary>The member's current plan (prescription per exercise), as JSON.</summary>
    public string PlanJson { get; set; } = "{}";

    /// <summary>Step-ups the advisor suggested that the member has not yet accepted or declined (JSON list of advice).</summary>
    public string PendingStepUpsJson { get; set; } = "[]";

    /// <summary>A warm-up waiver a trainer granted for the member's next session (S1), as JSON; null when none.</summary>
    public string? WarmUpWaiverJson { get; set; }

    /// <summary>The code a member types on a gym kiosk (shown on their account page). Unique.</summary>
    public string? MemberCode { get; set; }

    /// <summary>The kiosk PIN, hashed like a password; null until the member sets one at home.</summary>
    public string? PinHash { get; set; }

    /// <summary>Failed kiosk PIN attempts since the last success.</summary>
    public int PinFailures { get; set; }

    /// <summary>Kiosk sign-in for this member is locked until then (other members are unaffected).</summary>
    public DateTime? PinLockedUntilUtc { get; set; }

    public DateTime? OnboardedUtc { get; set; }

    public bool SoundsMuted { get; set; }

    public bool VoiceCues { get; set; } = true;

    public string TimeZoneId { get; set; } = "UTC";

    public DateTime UpdatedUtc { get; set; }
}
