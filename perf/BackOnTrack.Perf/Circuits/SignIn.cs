using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BackOnTrack.Perf.Circuits;

/// <summary>
/// Signs a virtual user in through the app's static sign-in form (antiforgery token, <c>_handler=sign-in</c>,
/// <c>Input.Email</c>/<c>Input.Password</c>), as a browser posts it, and keeps the resulting cookies. The
/// cookies are cached in a file beside the data folder: the app's data-protection keys live in that
/// folder, so they stay valid across restarts, and a run does not pay 2,000 PBKDF2 checks again.
/// A cached cookie is used only while it is younger than <see cref="FreshFor"/>: Identity re-checks a
/// cookie's security stamp once it is older than its validation interval (30 minutes), on every request
/// that carries it, and a browser would by then hold the renewed cookie, not the old one. Measuring with
/// stale cookies measured that re-check (a user lookup, the claims, a new cookie) on every request.
/// </summary>
internal sealed partial class SignIn(HttpClient http, Uri origin)
{
    /// <summary>How long a cached cookie is used; well inside Identity's 30-minute stamp validation interval.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(20);

    private sealed record CachedCookie(string Cookie, DateTime IssuedUtc);

    public async Task<(string CookieHeader, double Milliseconds)> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var form = new HttpRequestMessage(HttpMethod.Get, new Uri(origin, "/account/login"));
        using var page = await http.SendAsync(form, cancellationToken);
        page.EnsureSuccessStatusCode();
        var cookies = Http.SetCookies(page);
        var html = await page.Content.ReadAsStringAsync(cancellationToken);
        var token = TokenPattern().Match(html);
        if (!token.Success)
        {
            throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        }

        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(origin, "/account/login"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "sign-in",
                ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token.Groups["token"].Value),
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            }),
        };
        post.Headers.Add("Cookie", Http.Header(cookies));
        using var response = await http.SendAsync(post, cancellationToken);
        foreach (var (name, value) in Http.SetCookies(response))
        {
            cookies[name] = value;
        }

        var auth = cookies.Where(c => c.Key.StartsWith("BackOnTrack.Auth", StringComparison.Ordinal)).ToDictionary(c => c.Key, c => c.Value);
        if ((int)response.StatusCode is < 300 or >= 400 || auth.Count == 0)
        {
            throw new InvalidOperationException($"Sign-in for {email} failed: HTTP {(int)response.StatusCode}.");
        }

        return (Http.Header(auth), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Cookies for every email, from the cache file or by signing in (a few at a time).</summary>
    public async Task<Dictionary<string, string>> CookiesForAsync(
        IReadOnlyList<string> emails, string password, string cacheFile, int parallel, TextWriter log, CancellationToken cancellationToken)
    {
        var cache = await ReadCacheAsync(cacheFile, cancellationToken);
        var freshSince = DateTime.UtcNow - FreshFor;
        var missing = emails.Where(e => !cache.TryGetValue(e, out var cached) || cached.IssuedUtc < freshSince).ToList();
        if (missing.Count > 0)
        {
            log.WriteLine($"signing in {missing.Count} users through /account/login ({parallel} at a time; cached cookies last {FreshFor.TotalMinutes:0} minutes)...");
            var signedIn = new ConcurrentDictionary<string, CachedCookie>();
            var clock = Stopwatch.StartNew();
            var save = new SemaphoreSlim(1, 1);
            async Task SaveAsync()
            {
                await save.WaitAsync(CancellationToken.None);
                try
                {
                    foreach (var (email, cookie) in signedIn)
                    {
                        cache[email] = cookie;
                    }

                    await File.WriteAllTextAsync(cacheFile, JsonSerializer.Serialize(cache), CancellationToken.None);
                }
                finally
                {
                    save.Release();
                }
            }

            // Saved as it goes: a run cut short by its time limit keeps the sign-ins it paid for.
            await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (email, ct) =>
            {
                var (cookie, _) = await SignInAsync(email, password, ct);
                signedIn[email] = new CachedCookie(cookie, DateTime.UtcNow);
                if (signedIn.Count % 100 == 0)
                {
                    log.WriteLine($"  {signedIn.Count} signed in ({clock.Elapsed.TotalSeconds:0} s)");
                    await SaveAsync();
                }
            });
            await SaveAsync();
            save.Dispose();
        }

        return emails.ToDictionary(e => e, e => cache[e].Cookie);
    }

    /// <summary>The cache file's cookies; none when it is missing or in an older format.</summary>
    private static async Task<Dictionary<string, CachedCookie>> ReadCacheAsync(string cacheFile, CancellationToken cancellationToken)
    {
        if (!File.Exists(cacheFile))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, CachedCookie>>(await File.ReadAllTextAsync(cacheFile, cancellationToken)) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenPattern();
}
