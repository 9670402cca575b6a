using System.Net;
using System.Reflection;
using System.Security.Claims;
using BackOnTrack.Web.Account;
using BackOnTrack.Web.Kiosk;
using BackOnTrack.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace BackOnTrack.Web.Tests.Kiosk;

/// <summary>A kiosk sign-in may train and see today's plan and the last summary; nothing else, over HTTP or in the circuit.</summary>
public sealed class KioskAccessTests(KioskApp app) : IClassFixture<KioskApp>, IAsyncLifetime
{
    private const string Pin = "482917";

    private FormClient? _kiosk;
    private FormClient? _member;

    public async ValueTask InitializeAsync()
    {
        var member = await app.MemberWithPinAsync(Pin);
        _kiosk = await app.SignedInOnKioskAsync(member, Pin);
        _member = app.CreateFormClient();
        using var signIn = await _member.SignInAsync(member.Email, KioskApp.Password);
        signIn.Issues("BackOnTrack.Auth").ShouldBeTrue();
    }

    public ValueTask DisposeAsync()
    {
        _kiosk?.Dispose();
        _member?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Everything a member may use at home that a kiosk sign-in may not: settings, export, history, progress, staff pages.</summary>
    public static TheoryData<string> MemberOnlyAndStaffPaths =>
    [
        "/",
        "/progress",
        "/history",
        $"/history/{Guid.NewGuid()}",
        "/plan",
        "/onboarding",
        "/account/password",
        "/account/data",
        "/account/kiosk",
        "/account/export.json",
        "/account/export.zip",
        $"/session/{Guid.NewGuid()}",
        "/session/start/training",
        "/trainer",
        "/admin/trainers",
        "/admin/kiosks",
        "/learn",
        "/no/such/page",
    ];

    [Theory]
    [MemberDataAttribute(nameof(MemberOnlyAndStaffPaths))]
    public async Task A_kiosk_sign_in_is_refused_every_page_but_the_kiosks_own(string path)
    {
        using var response = await _kiosk!.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"GET {path} as a kiosk sign-in");
        (await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken)).ShouldContain(KioskBoundaryMiddleware.RefusedText);
    }

    [Fact]
    public async Task A_kiosk_sign_in_cannot_post_to_member_endpoints_either()
    {
        using var logout = await _kiosk!.PostAsync("/account/logout", []);
        logout.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var password = await _kiosk.PostAsync("/account/password", [new("_handler", "change-password")]);
        password.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/kiosk/home")]
    [InlineData("/kiosk/done")]
    [InlineData("/app.css")]
    public async Task A_kiosk_sign_in_opens_the_kiosk_pages(string path)
    {
        using var response = await _kiosk!.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}");
    }

    [Fact]
    public async Task A_kiosk_sign_in_on_the_welcome_screen_goes_to_its_own_home()
    {
        using var response = await _kiosk!.GetAsync("/kiosk");

        response.ShouldRedirect().ShouldBe("/kiosk/home");
    }

    [Theory]
    [InlineData("/kiosk/home")]
    [InlineData("/kiosk/session/00000000-0000-0000-0000-000000000001")]
    public async Task A_member_signed_in_at_home_cannot_use_the_kiosk_pages(string path)
    {
        using var response = await _member!.GetAsync(path);

        response.ShouldRedirect().ShouldStartWith("/account/denied");
    }

    [Fact]
    public async Task The_same_member_at_home_still_reaches_their_own_pages()
    {
        (await _member!.GetAsync("/progress")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _member.GetAsync("/account/kiosk")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signing_out_ends_the_kiosk_sign_in_clears_site_storage_and_keeps_the_tablet_enrolled()
    {
        var member = await app.MemberWithPinAsync(Pin);
        using var tablet = await app.SignedInOnKioskAsync(member, Pin);

        using var signOut = await tablet.PostAsync("/kiosk/sign-out", []);

        signOut.ShouldRedirect().ShouldBe("/kiosk");
        signOut.Headers.GetValues("Clear-Site-Data").ShouldHaveSingleItem().ShouldContain("\"storage\"");
        (await tablet.GetAsync("/kiosk/home")).ShouldRedirect().ShouldBe("/kiosk", "a signed-out tablet goes back to its welcome, never to a password form");
        (await tablet.GetPageAsync("/kiosk")).Text.ShouldContain("Welcome. Ready to train?");
    }

    /// <summary>The pages a kiosk sign-in may open, by route. Adding a page to this list is a decision, not an accident.</summary>
    [Fact]
    public void Only_the_kiosk_pages_are_marked_for_kiosks()
    {
        var routable = typeof(KioskLayout).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any())
            .ToList();

        var allowed = routable.Where(KioskAllowedAttribute.Allows)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            .Order(StringComparer.Ordinal)
            .ToList();

        allowed.ShouldBe(["/kiosk", "/kiosk/done", "/kiosk/enrol", "/kiosk/home", "/kiosk/session/{SessionId:guid}", "/kiosk/sign-in"]);
        routable.Count.ShouldBeGreaterThan(allowed.Count + 10, "the app's other pages are found too");
    }

    [Fact]
    public void In_the_circuit_the_route_guard_refuses_member_pages_to_a_kiosk_sign_in()
    {
        using var bunit = new BunitContext();
        var auth = bunit.AddAuthorization();
        auth.SetAuthorized("sam@example.com");
        auth.SetRoles("Member");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "member-1"), new Claim(KioskClaims.KioskId, Guid.NewGuid().ToString()));

        var pages = typeof(KioskLayout).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any())
            .ToList();
        foreach (var page in pages)
        {
            var guard = bunit.Render<KioskRouteGuard>(p => p
                .Add(g => g.PageType, page)
                .AddChildContent("<p id=\"page\">page content</p>"));

            var refused = guard.FindAll("[data-testid=kiosk-refused]").Count == 1;
            refused.ShouldBe(!KioskAllowedAttribute.Allows(page), page.Name);
            guard.FindAll("#page").Count.ShouldBe(refused ? 0 : 1, page.Name);
        }
    }

    [Fact]
    public void In_the_circuit_a_member_at_home_passes_the_route_guard()
    {
        using var bunit = new BunitContext();
        var auth = bunit.AddAuthorization();
        auth.SetAuthorized("sam@example.com");
        auth.SetRoles("Member");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "member-1"), new Claim(AccountClaims.DisplayName, "Sam"));

        var guard = bunit.Render<KioskRouteGuard>(p => p
            .Add(g => g.PageType, typeof(BackOnTrack.Web.Progress.ProgressPage))
            .AddChildContent("<p id=\"page\">page content</p>"));

        guard.Find("#page").TextContent.ShouldBe("page content");
    }
}
