using System.Security.Cryptography;
using BackOnTrack.Data.Kiosks;

namespace BackOnTrack.Web.Kiosk;

/// <summary>
/// The tablet's long-lived credential: 32 random bytes in an HttpOnly, SameSite=Strict cookie. The server
/// keeps only its SHA-256 hash (<see cref="KioskStore"/>), so a database leak cannot impersonate a kiosk.
/// </summary>
public static class KioskDeviceCookie
{
    public const string Name = "BackOnTrack.Kiosk";

    private const string ItemKey = "BackOnTrack.KioskDevice";

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static void Write(HttpContext http, string token) =>
        http.Response.Cookies.Append(Name, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            IsEssential = true,
            Path = "/",
            // Browsers cap cookie lifetimes at 400 days; a revoked kiosk is refused long before that matters.
            MaxAge = TimeSpan.FromDays(400),
        });

    public static string? Read(HttpContext http) =>
        http.Request.Cookies.TryGetValue(Name, out var token) && token.Length is > 20 and < 200 ? token : null;

    /// <summary>The active kiosk this browser is enrolled as (looked up once per request), or null.</summary>
    public static async Task<KioskDevice?> CurrentAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(ItemKey, out var cached))
        {
            return cached as KioskDevice;
        }

        var token = Read(http);
        var device = token is null ? null : await http.RequestServices.GetRequiredService<KioskStore>().FindByTokenAsync(token, http.RequestAborted);
        http.Items[ItemKey] = device;
        return device;
    }
}
