namespace BackOnTrack.Data.Kiosks;

/// <summary>A browser enrolled as a shared gym tablet. Its long-lived credential is stored only as a hash.</summary>
public class KioskDeviceRow
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Location { get; set; } = "";

    public string TokenHash { get; set; } = "";

    public string CreatedByUserId { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public DateTime? LastSeenUtc { get; set; }
}
