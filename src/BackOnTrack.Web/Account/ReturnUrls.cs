namespace BackOnTrack.Web.Account;

/// <summary>Only local return addresses are followed after sign-in; anything else goes home.</summary>
public static class ReturnUrls
{
    public static string Safe(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
