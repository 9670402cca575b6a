using Microsoft.AspNetCore.Identity;

namespace BackOnTrack.Data.Accounts;

/// <summary>A person who signs in: a member, a trainer or an admin (roles decide which).</summary>
public class UserAccount : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    /// <summary>Set when the person accepted the "guidance, not medical advice" notice at sign-up.</summary>
    public DateTime? AcceptedNoticeUtc { get; set; }
}
