using System.Net;
using BackOnTrack.Data.Accounts;
using BackOnTrack.Web.Tests.Infrastructure;

namespace BackOnTrack.Web.Tests.Accounts;

public sealed class SignInTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string Password = "quiet morning stretch";
    private const string MismatchMessage = "That email and password do not match an account. Check both and try again.";
    private const string LockedMessage = "This account is locked for 15 minutes after too many failed sign-ins. Wait, then try again.";

    public async ValueTask InitializeAsync() => await app.EnsureAdminAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<string> NewMemberAsync()
    {
        var email = $"member-{Guid.NewGuid():N}@example.com";
        await app.CreateAccountAsync(email, Password, Roles.Member);
        return email;
    }

    [Fact]
    public async Task The_right_password_signs_in_and_goes_to_the_return_address()
    {
        var email = await NewMemberAsync();
        using var client = app.CreateFormClient();

        using var response = await client.SubmitAsync("/account/login?returnUrl=%2Faccount%2Fpassword", "sign-in",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });

        response.ShouldRedirect().ShouldBe("/account/password");
        response.Issues("BackOnTrack.Auth").ShouldBeTrue();
        (await client.GetPageAsync("/account/password")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        var email = await NewMemberAsync();
        using var client = app.CreateFormClient();

        using var response = await client.SubmitAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F", "sign-in",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });

        response.ShouldRedirect().ShouldBe("/");
    }

    [Fact]
    public async Task A_wrong_password_shows_a_message_that_does_not_say_which_part_was_wrong()
    {
        var email = await NewMemberAsync();
        using var client = app.CreateFormClient();

        using var response = await client.SignInAsync(email, "not the password at all");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Issues("BackOnTrack.Auth").ShouldBeFalse();
        (await HtmlPage.ReadAsync(response)).Document.QuerySelector("[role=alert]").ShouldNotBeNull().TextContent.ShouldBe(MismatchMessage);
    }

    [Fact]
    public async Task After_five_failures_the_account_is_locked_even_for_the_right_password()
    {
        var email = await NewMemberAsync();
        using var client = app.CreateFormClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await client.SignInAsync(email, $"wrong guess number {attempt}");
            var page = await HtmlPage.ReadAsync(failed);
            page.Text.ShouldContain(attempt < 5 ? MismatchMessage : LockedMessage, customMessage: $"attempt {attempt}");
        }

        using var sixth = await client.SignInAsync(email, Password);

        sixth.StatusCode.ShouldBe(HttpStatusCode.OK);
        sixth.Issues("BackOnTrack.Auth").ShouldBeFalse("a locked account is not signed in");
        (await HtmlPage.ReadAsync(sixth)).Text.ShouldContain(LockedMessage);
        var account = (await app.FindAccountAsync(email)).ShouldNotBeNull();
        account.LockoutEnd.ShouldNotBeNull().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task Four_failures_then_the_right_password_still_signs_in()
    {
        var email = await NewMemberAsync();
        using var client = app.CreateFormClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await client.SignInAsync(email, $"wrong guess number {attempt}");
            failed.Issues("BackOnTrack.Auth").ShouldBeFalse();
        }

        using var fifth = await client.SignInAsync(email, Password);

        fifth.ShouldRedirect().ShouldBe("/");
        fifth.Issues("BackOnTrack.Auth").ShouldBeTrue();
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var email = await NewMemberAsync();
        using var client = app.CreateFormClient();
        using var signedIn = await client.SignInAsync(email, Password);
        signedIn.Issues("BackOnTrack.Auth").ShouldBeTrue();
        (await client.GetPageAsync("/account/password")).Status.ShouldBe(HttpStatusCode.OK);

        using var signedOut = await client.SignOutAsync();

        signedOut.ShouldRedirect().ShouldBe("/");
        using var after = await client.GetAsync("/account/password");
        after.ShouldRedirect().ShouldStartWith("/account/login");
    }

    [Fact]
    public async Task An_empty_form_shows_what_is_missing()
    {
        using var client = app.CreateFormClient();

        using var response = await client.SignInAsync("", "");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlPage.ReadAsync(response)).ValidationMessages.ShouldBe(["Enter your email address.", "Enter your password."], ignoreOrder: true);
    }
}
