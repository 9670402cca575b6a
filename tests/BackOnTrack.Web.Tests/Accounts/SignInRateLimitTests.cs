using System.Net;
using BackOnTrack.Web.Tests.Infrastructure;

namespace BackOnTrack.Web.Tests.Accounts;

/// <summary>The real limiter, tightened to three POSTs a minute so the test does not need dozens of requests.</summary>
public sealed class TightSignInLimitApp : AppFactory
{
    public const int Permits = 3;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["SignInRateLimit:PermitsPerMinute"] = Number(Permits) };
}

public sealed class SignInRateLimitTests(TightSignInLimitApp app) : IClassFixture<TightSignInLimitApp>
{
    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_are_answered_429_and_pages_still_load()
    {
        await app.EnsureAdminAsync();
        using var client = app.CreateFormClient();

        for (var attempt = 1; attempt <= TightSignInLimitApp.Permits; attempt++)
        {
            using var allowed = await client.SignInAsync("someone@example.com", "a wrong password");
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt} is within the limit");
        }

        using var refused = await client.SignInAsync("someone@example.com", "a wrong password");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Too many attempts");

        // The limit covers every sign-in style POST from the same address...
        var token = await client.AntiforgeryTokenAsync();
        using var register = await client.PostAsync("/account/register", [new("_handler", "register"), new("__RequestVerificationToken", token)]);
        register.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        // ...but never blocks reading pages.
        (await client.GetPageAsync("/account/login")).Status.ShouldBe(HttpStatusCode.OK);
    }
}
