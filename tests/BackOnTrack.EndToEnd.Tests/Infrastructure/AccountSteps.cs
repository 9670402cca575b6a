using Microsoft.Playwright;

namespace BackOnTrack.EndToEnd.Tests.Infrastructure;

/// <summary>Steps every journey needs, done the way a person does them (through the real pages).</summary>
public static class AccountSteps
{
    /// <summary>Opens the sign-in page, signs in, and waits until the app has left the sign-in page.</summary>
    public static async Task SignInAsync(BrowserSession you, string email, string password)
    {
        var page = you.Page;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>Signs out from the app bar and waits for the public welcome page.</summary>
    public static async Task SignOutAsync(BrowserSession you)
    {
        var page = you.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Build a stronger lower back, safely" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
    }
}
