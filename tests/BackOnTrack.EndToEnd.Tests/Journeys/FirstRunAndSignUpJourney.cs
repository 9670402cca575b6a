using BackOnTrack.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BackOnTrack.EndToEnd.Tests.Journeys;

/// <summary>
/// The foundation journey: the gym owner's first run creates the admin; then a member signs up (and is told
/// plainly this is not medical advice), lands on their home page, signs out, signs in again, and signs out.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class FirstRunAndSignUpJourney(BrowserFixture browser) : EndToEndTest(browser)
{
    private const string MemberEmail = "maya@example.com";
    private const string MemberPassword = "river stones and tea";

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Owner_sets_up_then_a_member_signs_up_signs_out_and_signs_back_in(string viewport)
    {
        var server = await StartServerAsync();
        var you = await OpenAsync(server, Viewport.Named(viewport));
        var page = you.Page;

        // First run: the front door leads to the one-time setup.
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, "/setup").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to BackOnTrack" })).ToBeVisibleAsync();
        await StepAsync(you, "setup");

        await page.GetByLabel("Your name").FillAsync("Riley");
        await page.GetByLabel("Email").FillAsync("owner@gym.example");
        await page.Locator("#password").FillAsync("owner keeps the keys safe");
        await page.GetByLabel("Password again").FillAsync("owner keeps the keys safe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, "/admin/trainers").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trainers", Exact = true })).ToBeVisibleAsync();
        await StepAsync(you, "admin-created");

        await AccountSteps.SignOutAsync(you);
        await StepAsync(you, "owner-signed-out");

        // A member signs up from the welcome page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create your account" })).ToBeVisibleAsync();
        var notice = page.GetByRole(AriaRole.Note);
        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToContainTextAsync("not medical advice");
        await StepAsync(you, "sign-up");

        await page.GetByLabel("Your first name").FillAsync("Maya");
        await page.GetByLabel("Email").FillAsync(MemberEmail);
        await page.Locator("#password").FillAsync(MemberPassword);
        await page.GetByLabel("Password again").FillAsync(MemberPassword);
        await page.GetByLabel("I understand this is training guidance, not medical advice.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await ExpectMemberHomeAsync(you);
        await StepAsync(you, "member-home");

        await AccountSteps.SignOutAsync(you);
        await StepAsync(you, "member-signed-out");

        // Back again another day.
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GetByLabel("Email").FillAsync(MemberEmail);
        await page.GetByLabel("Password").FillAsync(MemberPassword);
        await StepAsync(you, "sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await ExpectMemberHomeAsync(you);
        await StepAsync(you, "member-home-again");

        await AccountSteps.SignOutAsync(you);
        await StepAsync(you, "signed-out-again");
    }

    /// <summary>A screen the person sees: the layout rules hold, then a screenshot, then no browser problems.</summary>
    private static async Task StepAsync(BrowserSession you, string step)
    {
        await AppLayout.ExpectUsableAsync(you.Page);
        await you.StepAsync(step);
    }

    private static async Task ExpectMemberHomeAsync(BrowserSession you)
    {
        var page = you.Page;
        await Assertions.Expect(page).ToHaveURLAsync(you.Server.BaseAddress.ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Maya" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await you.WaitForSettledAsync();
    }
}
