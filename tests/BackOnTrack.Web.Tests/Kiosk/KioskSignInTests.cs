using System.Net;
using BackOnTrack.Web.Kiosk;
using BackOnTrack.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackOnTrack.Web.Tests.Kiosk;

/// <summary>Enrolment, the welcome screen, sign-in with member code + PIN, lockout, revocation and the PIN page.</summary>
public sealed class KioskSignInTests(KioskApp app) : IClassFixture<KioskApp>
{
    private const string Pin = "482917";

    [Fact]
    public async Task A_browser_that_is_not_enrolled_is_told_it_is_not_a_kiosk_and_cannot_sign_in()
    {
        await app.EnsureAdminAsync();
        var member = await app.MemberWithPinAsync(Pin);
        using var browser = app.CreateFormClient();

        var page = await browser.GetPageAsync("/kiosk");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Text.ShouldContain("This device is not a kiosk");
        page.Document.Forms.ShouldBeEmpty();
        var token = await browser.AntiforgeryTokenAsync();
        using var forced = await browser.PostAsync("/kiosk/sign-in",
            [new("_handler", "kiosk-sign-in"), new("__RequestVerificationToken", token), new("Input.MemberCode", member.MemberCode), new("Input.Pin", Pin)]);
        forced.Issues("BackOnTrack.Auth").ShouldBeFalse("no device credential, no kiosk sign-in");
    }

    [Fact]
    public async Task An_enrolled_tablet_shows_the_neutral_welcome_and_a_member_signs_in_with_code_and_PIN()
    {
        var member = await app.MemberWithPinAsync(Pin);
        var (tablet, _) = await app.EnrolledTabletAsync("Stretching area");
        using var _ = tablet;

        var welcome = await tablet.GetPageAsync("/kiosk");
        welcome.Text.ShouldContain("Welcome. Ready to train?");
        welcome.Text.ShouldContain("Stretching area");
        welcome.Text.ShouldContain("Call a trainer");
        welcome.Text.ShouldNotContain("Sam", Case.Sensitive, "the welcome screen names nobody");
        welcome.Form("kiosk-sign-in").Action.ShouldEndWith("/kiosk/sign-in");

        using var signedIn = await KioskApp.SignInOnKioskAsync(tablet, member.MemberCode.ToLowerInvariant(), Pin);

        signedIn.ShouldRedirect().ShouldBe("/kiosk/home");
        signedIn.Issues("BackOnTrack.Auth").ShouldBeTrue();
        using var home = await tablet.GetAsync("/kiosk/home");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        home.Headers.CacheControl?.NoStore.ShouldBeTrue("kiosk pages are never cached");
    }

    [Fact]
    public async Task An_enrolment_code_works_once()
    {
        await app.EnsureAdminAsync();
        var admin = (await app.FindAccountAsync(AppFactory.AdminEmail))!;
        await app.Kiosks.EnrolAsync("Tablet", "Floor", admin.Id, "ONCE-ONLY-CODE", DateTime.UtcNow, TestContext.Current.CancellationToken);
        using var first = app.CreateFormClient();
        using var second = app.CreateFormClient();

        using var ok = await first.SubmitAsync("/kiosk/enrol?code=ONCE-ONLY-CODE", "kiosk-enrol", new Dictionary<string, string>());
        using var again = await second.SubmitAsync("/kiosk/enrol", "kiosk-enrol", new Dictionary<string, string> { ["Input.Code"] = "ONCE-ONLY-CODE" });

        ok.ShouldRedirect().ShouldBe("/kiosk");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.Issues(KioskDeviceCookie.Name).ShouldBeFalse();
        (await HtmlPage.ReadAsync(again)).Text.ShouldContain("This enrolment code does not work");
    }

    [Fact]
    public async Task The_fifth_wrong_PIN_locks_that_member_for_15_minutes_without_locking_other_members()
    {
        var victim = await app.MemberWithPinAsync(Pin);
        var other = await app.MemberWithPinAsync("730594");
        var (tablet, _) = await app.EnrolledTabletAsync();
        using var _ = tablet;

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await KioskApp.SignInOnKioskAsync(tablet, victim.MemberCode, "903847");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt}");
            (await HtmlPage.ReadAsync(wrong)).Text.ShouldContain("That member code and PIN do not match");
        }

        using var fifth = await KioskApp.SignInOnKioskAsync(tablet, victim.MemberCode, "903847");
        (await HtmlPage.ReadAsync(fifth)).Text.ShouldContain("paused for 15 minutes");

        using var rightPinTooLate = await KioskApp.SignInOnKioskAsync(tablet, victim.MemberCode, Pin);
        rightPinTooLate.StatusCode.ShouldBe(HttpStatusCode.OK, "locked: even the right PIN does not sign in");
        rightPinTooLate.Issues("BackOnTrack.Auth").ShouldBeFalse();
        (await HtmlPage.ReadAsync(rightPinTooLate)).Text.ShouldContain("paused for 15 minutes");

        using var otherMember = await KioskApp.SignInOnKioskAsync(tablet, other.MemberCode, "730594");
        otherMember.ShouldRedirect().ShouldBe("/kiosk/home");

        // The member can still sign in at home; a new PIN there lifts the kiosk lock.
        using var home = app.CreateFormClient();
        using var homeSignIn = await home.SignInAsync(victim.Email, KioskApp.Password);
        homeSignIn.Issues("BackOnTrack.Auth").ShouldBeTrue();
        using var newPin = await home.SubmitAsync("/account/kiosk", "kiosk-pin", new Dictionary<string, string> { ["Input.Pin"] = "593371", ["Input.ConfirmPin"] = "593371" });
        (await HtmlPage.ReadAsync(newPin)).Text.ShouldContain("Your kiosk PIN is set");
        var (tablet2, _) = await app.EnrolledTabletAsync();
        using var __ = tablet2;
        using var unlocked = await KioskApp.SignInOnKioskAsync(tablet2, victim.MemberCode, "593371");
        unlocked.ShouldRedirect().ShouldBe("/kiosk/home");
    }

    [Fact]
    public async Task A_revoked_kiosk_is_refused_at_once_even_with_a_member_signed_in()
    {
        var member = await app.MemberWithPinAsync(Pin);
        var (tablet, kioskId) = await app.EnrolledTabletAsync();
        using var _ = tablet;
        using (var signedIn = await KioskApp.SignInOnKioskAsync(tablet, member.MemberCode, Pin))
        {
            signedIn.ShouldRedirect().ShouldBe("/kiosk/home");
        }

        (await tablet.GetAsync("/kiosk/home")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await app.Kiosks.RevokeAsync(kioskId, DateTime.UtcNow, TestContext.Current.CancellationToken)).ShouldBeTrue();

        using var after = await tablet.GetAsync("/kiosk/home");
        after.ShouldRedirect().ShouldBe("/kiosk", "the kiosk sign-in is rejected on the next request");
        var welcome = await tablet.GetPageAsync("/kiosk");
        welcome.Text.ShouldContain("This device is not a kiosk");
        var token = await tablet.AntiforgeryTokenAsync();
        using var retry = await tablet.PostAsync("/kiosk/sign-in",
            [new("_handler", "kiosk-sign-in"), new("__RequestVerificationToken", token), new("Input.MemberCode", member.MemberCode), new("Input.Pin", Pin)]);
        retry.Issues("BackOnTrack.Auth").ShouldBeFalse();
    }

    [Fact]
    public async Task The_account_page_shows_the_member_code_and_refuses_guessable_PINs_with_a_specific_message()
    {
        var member = await app.MemberWithPinAsync(Pin);
        using var home = app.CreateFormClient();
        using var signIn = await home.SignInAsync(member.Email, KioskApp.Password);

        var page = await home.GetPageAsync("/account/kiosk");
        page.Document.QuerySelector("[data-testid=member-code]")!.TextContent.ShouldBe(member.MemberCode);

        using var weak = await home.SubmitAsync("/account/kiosk", "kiosk-pin", new Dictionary<string, string> { ["Input.Pin"] = "121212", ["Input.ConfirmPin"] = "121212" });
        (await HtmlPage.ReadAsync(weak)).ValidationMessages.ShouldBe([KioskPin.RepeatedPairMessage]);
        using var shortPin = await home.SubmitAsync("/account/kiosk", "kiosk-pin", new Dictionary<string, string> { ["Input.Pin"] = "4829", ["Input.ConfirmPin"] = "4829" });
        (await HtmlPage.ReadAsync(shortPin)).ValidationMessages.ShouldBe([KioskPin.TooShortMessage]);

        // The old PIN still works: nothing changed.
        using var tablet = await app.SignedInOnKioskAsync(member, Pin);
    }

    [Fact]
    public async Task Call_a_trainer_on_the_welcome_screen_raises_an_alert_with_the_kiosk_location()
    {
        var (tablet, kioskId) = await app.EnrolledTabletAsync("Free weights corner");
        using var _ = tablet;

        using var called = await tablet.PostAsync("/kiosk/call-trainer", []);

        called.ShouldRedirect().ShouldBe("/kiosk?trainer=called");
        (await tablet.GetPageAsync("/kiosk?trainer=called")).Text.ShouldContain("A trainer is on the way");
        var alerts = await app.Services.GetRequiredService<BackOnTrack.Data.Trainers.FloorAlertStore>().OpenAsync(50, TestContext.Current.CancellationToken);
        var alert = alerts.Where(a => a.KioskId == kioskId).ShouldHaveSingleItem();
        alert.Kind.ShouldBe(BackOnTrack.Data.Trainers.FloorAlertKind.CallTrainer);
        alert.Location.ShouldBe("Free weights corner");

        using var stranger = app.CreateFormClient();
        using var refused = await stranger.PostAsync("/kiosk/call-trainer", []);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
