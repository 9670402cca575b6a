using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Members;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;
using BackOnTrack.EndToEnd.Tests.Infrastructure;
using BackOnTrack.Web.Kiosk;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BackOnTrack.EndToEnd.Tests.Journeys;

/// <summary>
/// The gym tablet, at 1280×800: the owner enrols it; Maya sets her PIN at home, signs in on the tablet, does
/// her evening stretches and is signed out when she taps Done; Leo signs in next and sees nothing of Maya's,
/// calls a trainer, starts training, and walks away: the idle warning shows, a tap keeps him signed in, and the
/// second time the tablet signs him out and shows the neutral welcome again.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class KioskJourney(BrowserFixture browser) : EndToEndTest(browser)
{
    private const string Password = "river stones and tea";
    private const string MayaPin = "482917";
    private const string LeoPin = "730594";
    private const int IdleSeconds = 10;
    private const int WarningSeconds = 6;

    private static readonly Viewport Tablet = new("kiosk", 1280, 800, IsMobile: false);

    [Fact]
    public async Task Two_members_train_one_after_the_other_and_the_tablet_signs_out_when_idle()
    {
        var server = await StartServerAsync(new Dictionary<string, string?>
        {
            ["Kiosk:IdleSeconds"] = IdleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Kiosk:WarningSeconds"] = WarningSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SessionTimings:GetReadySeconds"] = "0",
            ["SessionTimings:SwitchSidesSeconds"] = "0",
            ["SessionTimings:StretchHoldSecondsOverride"] = "1",
            ["SessionTimings:ExerciseHoldSecondsOverride"] = "1",
            ["SessionTimings:RestSecondsOverride"] = "0",
        });
        await ArrangeAsync(server);

        // ---- The owner enrols the tablet from the admin page ----
        var owner = await OpenAsync(server, Viewport.Desktop);
        await owner.Page.GotoAsync("/account/login");
        await owner.Page.GetByLabel("Email").FillAsync("owner@gym.example");
        await owner.Page.GetByLabel("Password").FillAsync("owner keeps the keys safe");
        await owner.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(owner.Page.GetByRole(AriaRole.Link, new() { Name = "Kiosks" })).ToBeVisibleAsync();
        await owner.Page.GotoAsync("/admin/kiosks");
        await owner.Page.GetByLabel("Name").FillAsync("Front tablet");
        await owner.Page.GetByLabel("Location").FillAsync("Stretching area");
        await owner.Page.GetByRole(AriaRole.Button, new() { Name = "Enrol tablet" }).ClickAsync();
        var link = await owner.Page.GetByTestId("enrolment-link").TextContentAsync() ?? "";
        link.ShouldContain("/kiosk/enrol?code=");
        await owner.StepAsync("admin-enrolment-link");

        // ---- Maya sets her kiosk PIN at home ----
        var home = await OpenAsync(server, Viewport.Desktop);
        await home.Page.GotoAsync("/account/login");
        await home.Page.GetByLabel("Email").FillAsync("maya@example.com");
        await home.Page.GetByLabel("Password").FillAsync(Password);
        await home.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(home.Page.GetByRole(AriaRole.Link, new() { Name = "Gym kiosk" })).ToBeVisibleAsync();
        await home.Page.GotoAsync("/account/kiosk");
        var mayaCode = (await home.Page.GetByTestId("member-code").TextContentAsync() ?? "").Trim();
        mayaCode.Length.ShouldBe(6);
        await home.Page.GetByLabel("New PIN", new() { Exact = true }).FillAsync("123456");
        await home.Page.GetByLabel("New PIN again").FillAsync("123456");
        await home.Page.GetByRole(AriaRole.Button, new() { Name = "Save PIN" }).ClickAsync();
        await Assertions.Expect(home.Page.Locator(".validation-message")).ToContainTextAsync("counting up or down");
        await home.StepAsync("pin-refused");
        await home.Page.GetByLabel("New PIN", new() { Exact = true }).FillAsync(MayaPin);
        await home.Page.GetByLabel("New PIN again").FillAsync(MayaPin);
        await home.Page.GetByRole(AriaRole.Button, new() { Name = "Save PIN" }).ClickAsync();
        await Assertions.Expect(home.Page.GetByTestId("pin-saved")).ToBeVisibleAsync();
        await home.StepAsync("pin-saved");

        // ---- The tablet opens the link and becomes a kiosk ----
        var tablet = await OpenAsync(server, Tablet);
        var page = tablet.Page;
        await page.GotoAsync("/kiosk");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This device is not a kiosk" })).ToBeVisibleAsync();
        await tablet.StepAsync("not-a-kiosk");
        await page.GotoAsync(link);
        await page.GetByTestId("enrol-this-tablet").ClickAsync();
        await ExpectWelcomeAsync(tablet);
        await tablet.StepAsync("welcome");

        // ---- Maya trains: evening stretches, then Done signs her out ----
        await SignInWithKeypadAsync(tablet, mayaCode, MayaPin);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Maya" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("kiosk-last-session")).ToContainTextAsync("None yet");
        await ExpectBigTargetsAsync(page);
        await tablet.StepAsync("maya-home");

        await page.GetByTestId("kiosk-start-evening").ClickAsync();
        await AnswerReadinessAsync(page);
        await Assertions.Expect(page.GetByTestId("start-stretch")).ToBeVisibleAsync();
        await ExpectBigTargetsAsync(page);
        await tablet.StepAsync("maya-stretch");
        for (var i = 0; i < 30 && !await page.GetByTestId("finish-session").IsVisibleAsync(); i++)
        {
            var start = page.GetByTestId("start-stretch");
            if (await start.IsVisibleAsync() && await start.IsEnabledAsync())
            {
                await start.ClickAsync();
            }

            await page.WaitForTimeoutAsync(300);
        }

        await Assertions.Expect(page.GetByTestId("finish-session")).ToBeVisibleAsync();
        await tablet.StepAsync("maya-summary");
        await page.GetByTestId("finish-session").ClickAsync();
        await page.GetByTestId("back-home").ClickAsync();
        await ExpectWelcomeAsync(tablet);
        await ExpectNothingOfAsync(page, "Maya");
        await tablet.StepAsync("maya-signed-out");

        // ---- Leo signs in next: nothing of Maya's anywhere ----
        await SignInWithKeypadAsync(tablet, await MemberCodeAsync(server, "leo@example.com"), LeoPin);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Leo" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("kiosk-last-session")).ToContainTextAsync("None yet");
        await ExpectNothingOfAsync(page, "Maya");
        await tablet.StepAsync("leo-home");

        await page.GetByTestId("call-trainer").ClickAsync();
        await Assertions.Expect(page.GetByTestId("trainer-called")).ToContainTextAsync("A trainer is on the way");
        await tablet.StepAsync("trainer-called");

        await page.GetByTestId("kiosk-start-training").ClickAsync();
        await AnswerReadinessAsync(page);
        await Assertions.Expect(page.GetByTestId("start-stretch")).ToBeVisibleAsync();
        await ExpectBigTargetsAsync(page);
        await tablet.StepAsync("leo-warm-up");

        // ---- Leo walks away: warning, a tap keeps him in; then he walks away for good ----
        var warning = page.GetByTestId("idle-warning");
        await Assertions.Expect(warning).ToBeVisibleAsync(new() { Timeout = (IdleSeconds + 5) * 1000 });
        await Assertions.Expect(warning).ToContainTextAsync("Still there?");
        await tablet.StepAsync("idle-warning");
        await page.GetByTestId("stay-signed-in").ClickAsync();
        await Assertions.Expect(warning).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("start-stretch")).ToBeVisibleAsync();

        await Assertions.Expect(warning).ToBeVisibleAsync(new() { Timeout = (IdleSeconds + 5) * 1000 });
        await ExpectWelcomeAsync(tablet, timeoutSeconds: WarningSeconds + 10);
        await ExpectNothingOfAsync(page, "Leo");
        await tablet.StepAsync("idle-signed-out");

        // The browser's back button does not bring Leo's screen back.
        await page.GoBackAsync();
        await Assertions.Expect(page.GetByText("Hello, Leo")).ToHaveCountAsync(0);

        // The same welcome on a full-HD tablet.
        await page.SetViewportSizeAsync(1920, 1080);
        await page.GotoAsync("/kiosk");
        await ExpectWelcomeAsync(tablet);
        await ExpectBigTargetsAsync(page);
        await tablet.StepAsync("welcome-1920x1080");
    }

    private static async Task ArrangeAsync(AppServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var members = scope.ServiceProvider.GetRequiredService<MemberStore>();
        var monthAgo = DateTime.UtcNow.AddDays(-30);
        (await users.CreateAsync(new UserAccount { UserName = "owner@gym.example", Email = "owner@gym.example", DisplayName = "Riley", CreatedUtc = monthAgo }, "owner keeps the keys safe")).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync((await users.FindByEmailAsync("owner@gym.example"))!, Roles.Admin)).Succeeded.ShouldBeTrue();
        foreach (var (email, name) in new[] { ("maya@example.com", "Maya Lind"), ("leo@example.com", "Leo Park") })
        {
            var user = new UserAccount { UserName = email, Email = email, DisplayName = name, CreatedUtc = monthAgo };
            (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Member)).Succeeded.ShouldBeTrue();
            await members.SaveOnboardingAsync(user.Id, "A stronger back", MemberPlan.Starter(ExerciseLibrary.BuiltIn, EquipmentOwned.None, monthAgo), monthAgo);
            await members.RecordScreeningAsync(user.Id, RedFlagScreen.AllNo(), monthAgo);
        }

        // Leo set his PIN at home earlier.
        var leo = (await users.FindByEmailAsync("leo@example.com"))!;
        await scope.ServiceProvider.GetRequiredService<BackOnTrack.Data.Kiosks.KioskStore>().EnsureMemberCodeAsync(leo.Id);
        (await scope.ServiceProvider.GetRequiredService<KioskSignIn>().SetPinAsync(leo.Id, LeoPin)).ShouldBeTrue();
    }

    private static async Task<string> MemberCodeAsync(AppServer server, string email)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>().FindByEmailAsync(email))!;
        return (await scope.ServiceProvider.GetRequiredService<BackOnTrack.Data.Kiosks.KioskStore>().EnsureMemberCodeAsync(user.Id))!.MemberCode;
    }

    private static async Task SignInWithKeypadAsync(BrowserSession tablet, string code, string pin)
    {
        var page = tablet.Page;
        foreach (var key in code + pin)
        {
            await page.Locator($"[data-kiosk-keypad] [data-key='{key}']").ClickAsync();
        }

        await Assertions.Expect(page.Locator("#kiosk-code")).ToHaveValueAsync(code);
        await Assertions.Expect(page.Locator("#kiosk-pin")).ToHaveValueAsync(pin);
        await tablet.StepAsync("keypad-" + code[..2].ToLowerInvariant());
        await page.GetByTestId("kiosk-sign-in").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(tablet.Server.BaseAddress, "/kiosk/home").ToString());
    }

    private static async Task AnswerReadinessAsync(IPage page)
    {
        await page.Locator("[data-feeling=Good]").ClickAsync();
        await page.Locator("input[name=anything-new]").First.CheckAsync();
        await page.GetByTestId("readiness-continue").ClickAsync();
    }

    private static async Task ExpectWelcomeAsync(BrowserSession tablet, int timeoutSeconds = 15)
    {
        var page = tablet.Page;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome. Ready to train?" }))
            .ToBeVisibleAsync(new() { Timeout = timeoutSeconds * 1000 });
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(tablet.Server.BaseAddress, "/kiosk").ToString());
        await Assertions.Expect(page.GetByTestId("call-trainer")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#kiosk-code")).ToHaveValueAsync("");
    }

    /// <summary>The member's name is nowhere on the screen, and the browser holds nothing in its storage.</summary>
    private static async Task ExpectNothingOfAsync(IPage page, string name)
    {
        (await page.Locator("body").InnerTextAsync()).ShouldNotContain(name);
        (await page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length")).ShouldBe(0);
    }

    /// <summary>Every visible button and link on the tablet is at least 48 px high (most are 64–96).</summary>
    private static async Task ExpectBigTargetsAsync(IPage page)
    {
        var small = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.kiosk button, .kiosk a.kiosk-button')]
                .filter(e => e.offsetParent !== null)
                .map(e => ({ name: (e.textContent || '').trim(), h: e.getBoundingClientRect().height }))
                .filter(e => e.h < 48)
                .map(e => `${e.name}: ${Math.round(e.h)}px`)
            """);
        small.ShouldBeEmpty();
    }
}
