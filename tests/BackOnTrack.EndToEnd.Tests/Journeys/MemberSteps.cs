using BackOnTrack.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BackOnTrack.EndToEnd.Tests.Journeys;

/// <summary>A member a journey signed up (and usually onboarded).</summary>
public sealed record JourneyMember(string Name, string Email, string Password);

/// <summary>
/// Steps many journeys share: the owner's first run, a member's sign-up and onboarding (all red-flag
/// answers "no"), signing in and out, and "a screen the person sees" (layout rules, screenshot, no
/// browser problems). Through the real pages only, like a person would.
/// </summary>
public static class MemberSteps
{
    public const string OwnerEmail = "owner@gym.example";
    public const string OwnerPassword = "owner keeps the keys safe";

    public static JourneyMember Maya { get; } = new("Maya", "maya@example.com", "river stones and tea");

    /// <summary>
    /// Session timings short enough to run a whole session in about a minute, through the same code paths
    /// (hold, rest and get-ready countdowns still run and end by themselves).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> ShortTimings(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["SessionTimings:StretchHoldSecondsOverride"] = "2",
            ["SessionTimings:ExerciseHoldSecondsOverride"] = "2",
            ["SessionTimings:RestSecondsOverride"] = "2",
            ["SessionTimings:GetReadySeconds"] = "1",
            ["SessionTimings:SwitchSidesSeconds"] = "1",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A screen the person sees: the layout rules hold, then a screenshot, then no browser problems so far.</summary>
    public static async Task ScreenAsync(BrowserSession you, string step)
    {
        await AppLayout.ExpectUsableAsync(you.Page);
        await you.StepAsync(step);
    }

    /// <summary>First run: the owner creates the administrator at /setup, then signs out.</summary>
    public static async Task SetUpOwnerAsync(BrowserSession you)
    {
        var page = you.Page;
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(you.Server.BaseAddress, "/setup").ToString());
        await page.GetByLabel("Your name").FillAsync("Riley");
        await page.GetByLabel("Email").FillAsync(OwnerEmail);
        await page.Locator("#password").FillAsync(OwnerPassword);
        await page.GetByLabel("Password again").FillAsync(OwnerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(you.Server.BaseAddress, "/admin/trainers").ToString());
        await SignOutAsync(you);
    }

    /// <summary>A member signs up (accepting the not-medical-advice notice) and lands on their home page.</summary>
    public static async Task SignUpAsync(BrowserSession you, JourneyMember member)
    {
        var page = you.Page;
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Your first name").FillAsync(member.Name);
        await page.GetByLabel("Email").FillAsync(member.Email);
        await page.Locator("#password").FillAsync(member.Password);
        await page.GetByLabel("Password again").FillAsync(member.Password);
        await page.GetByLabel("I understand this is training guidance, not medical advice.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await ExpectHomeAsync(you, member);
    }

    /// <summary>
    /// Onboarding from the home page: a goal, no equipment, every red-flag question answered "no" (S8 clear),
    /// then back home with today's session on offer.
    /// </summary>
    public static async Task OnboardAsync(BrowserSession you, Func<Task>? atForm = null)
    {
        var page = you.Page;
        await page.GetByTestId("needs-onboarding").GetByRole(AriaRole.Link, new() { Name = "Set up my plan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up your training" })).ToBeVisibleAsync();
        await page.GetByLabel("Build a stronger lower back").CheckAsync();
        var questions = page.Locator("fieldset.red-flag");
        await Assertions.Expect(questions.First).ToBeVisibleAsync();
        var count = await questions.CountAsync();
        count.ShouldBeGreaterThanOrEqualTo(7, "the standard red-flag questions");
        for (var i = 0; i < count; i++)
        {
            var no = questions.Nth(i).Locator("input[type=radio]").First;
            await no.CheckAsync();
            await Assertions.Expect(no).ToBeCheckedAsync();
        }

        if (atForm is not null)
        {
            await atForm();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("today")).ToBeVisibleAsync();
        await you.WaitForSettledAsync();
    }

    /// <summary>A fresh server's whole front door: the owner's first run, then <paramref name="member"/> signs up and onboards.</summary>
    public static async Task<JourneyMember> OnboardedMemberAsync(BrowserSession you, JourneyMember? member = null, Func<Task>? atOnboardingForm = null)
    {
        member ??= Maya;
        await SetUpOwnerAsync(you);
        await SignUpAsync(you, member);
        await OnboardAsync(you, atOnboardingForm);
        return member;
    }

    public static async Task SignInAsync(BrowserSession you, JourneyMember member)
    {
        var page = you.Page;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(member.Email);
        await page.GetByLabel("Password").FillAsync(member.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ExpectHomeAsync(you, member);
    }

    public static async Task SignOutAsync(BrowserSession you)
    {
        var page = you.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Build a stronger lower back, safely" })).ToBeVisibleAsync();
    }

    /// <summary>The member's home page, settled.</summary>
    public static async Task GoHomeAsync(BrowserSession you, JourneyMember member)
    {
        await you.Page.GotoAsync("/");
        await ExpectHomeAsync(you, member);
    }

    private static async Task ExpectHomeAsync(BrowserSession you, JourneyMember member)
    {
        var page = you.Page;
        await Assertions.Expect(page).ToHaveURLAsync(you.Server.BaseAddress.ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Hello, {member.Name}" })).ToBeVisibleAsync();
        await you.WaitForSettledAsync();
    }
}
