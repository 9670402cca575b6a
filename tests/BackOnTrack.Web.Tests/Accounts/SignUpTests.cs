using System.Net;
using AngleSharp.Dom;
using BackOnTrack.Data.Accounts;
using BackOnTrack.Web.Account;
using BackOnTrack.Web.Tests.Infrastructure;

namespace BackOnTrack.Web.Tests.Accounts;

public sealed class SignUpTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await app.EnsureAdminAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Dictionary<string, string> Fields(string email, string password, bool accept = true) => new()
    {
        ["Input.DisplayName"] = "Maya",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
        ["Input.AcceptNotice"] = accept ? "true" : "false",
    };

    [Fact]
    public async Task The_sign_up_page_says_plainly_that_this_is_not_medical_advice()
    {
        using var client = app.CreateFormClient();

        var page = await client.GetPageAsync("/account/register");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("[role=note]").ShouldNotBeNull().TextContent.ShouldContain("not medical advice");
        page.Text.ShouldContain("I understand this is training guidance, not medical advice.");
    }

    [Fact]
    public async Task Signing_up_creates_a_member_who_accepted_the_notice_and_signs_them_in()
    {
        using var client = app.CreateFormClient();

        using var response = await client.SubmitAsync("/account/register", "register", Fields("maya@example.com", "river stones and tea"));

        response.ShouldRedirect().ShouldBe("/");
        response.Issues("BackOnTrack.Auth").ShouldBeTrue();
        var member = (await app.FindAccountAsync("maya@example.com")).ShouldNotBeNull();
        member.DisplayName.ShouldBe("Maya");
        member.AcceptedNoticeUtc.ShouldNotBeNull();
        (await app.AccountsInRoleAsync(Roles.Member)).ShouldContain(m => m.Id == member.Id);
        (await app.AccountsInRoleAsync(Roles.Admin)).ShouldNotContain(m => m.Id == member.Id);
    }

    [Theory]
    [InlineData("short", PasswordPolicy.TooShortMessage)]
    [InlineData("nine-char", PasswordPolicy.TooShortMessage)]
    [InlineData("password123", PasswordPolicy.CommonMessage)]
    [InlineData("Password123", PasswordPolicy.CommonMessage)]
    [InlineData("abcdefghij", PasswordPolicy.CommonMessage)]
    public async Task A_weak_password_is_refused_with_a_clear_message_and_no_account(string password, string message)
    {
        using var client = app.CreateFormClient();
        var email = $"weak-{Guid.NewGuid():N}@example.com";

        using var response = await client.SubmitAsync("/account/register", "register", Fields(email, password));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form comes back with the message");
        response.Issues("BackOnTrack.Auth").ShouldBeFalse();
        var page = await HtmlPage.ReadAsync(response);
        page.ValidationMessages.ShouldContain(message);
        page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Email']")!.Value
            .ShouldBe(email, "what the person typed is kept");
        (await app.FindAccountAsync(email)).ShouldBeNull();
    }

    [Fact]
    public async Task Sign_up_without_accepting_the_notice_is_refused()
    {
        using var client = app.CreateFormClient();
        var email = $"noaccept-{Guid.NewGuid():N}@example.com";

        using var response = await client.SubmitAsync("/account/register", "register", Fields(email, "river stones and tea", accept: false));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlPage.ReadAsync(response)).ValidationMessages.ShouldContain("Please confirm you have read the notice above.");
        (await app.FindAccountAsync(email)).ShouldBeNull();
    }

    [Fact]
    public async Task Signing_up_twice_with_one_email_is_refused_with_a_helpful_message()
    {
        using var client = app.CreateFormClient();
        var email = $"twice-{Guid.NewGuid():N}@example.com";
        await app.CreateAccountAsync(email, "river stones and tea", Roles.Member);

        using var response = await client.SubmitAsync("/account/register", "register", Fields(email, "another long phrase"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlPage.ReadAsync(response)).ValidationMessages
            .ShouldContain("An account with this email already exists. Sign in instead, or use another email.");
    }
}
