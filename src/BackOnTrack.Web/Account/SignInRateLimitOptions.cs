using System.ComponentModel.DataAnnotations;

namespace BackOnTrack.Web.Account;

/// <summary>How many sign-in style POSTs (sign-in, sign-up, first-run setup) one client address may make per minute.</summary>
public sealed class SignInRateLimitOptions
{
    public const string SectionName = "SignInRateLimit";

    [Range(1, 10_000)]
    public int PermitsPerMinute { get; set; } = 10;

    /// <summary>Paths whose POSTs count against the limit.</summary>
    public static IReadOnlyList<string> LimitedPaths { get; } = ["/account/login", "/account/register", "/setup"];
}
