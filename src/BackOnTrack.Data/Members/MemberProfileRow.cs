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

    public DateTime? OnboardedUtc { get; set; }

    public bool SoundsMuted { get; set; }

    public bool VoiceCues { get; set; } = true;

    public string TimeZoneId { get; set; } = "UTC";

    public DateTime UpdatedUtc { get; set; }
}
