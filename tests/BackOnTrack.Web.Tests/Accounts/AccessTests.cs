using System.Net;
using BackOnTrack.Data.Accounts;
using BackOnTrack.Web.Tests.Infrastructure;

namespace BackOnTrack.Web.Tests.Accounts;

/// <summary>Deny by default: who may open which page.</summary>
public sealed class AccessTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string Password = "quiet morning stretch";

    public async ValueTask InitializeAsync() => await app.EnsureAdminAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<FormClient> SignedInAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        await app.CreateAccountAsync(email, Password, role);
        var client = app.CreateFormClient();
        using var response = await client.SignInAsync(email, Password);
        response.Issues("BackOnTrack.Auth").ShouldBeTrue($"the {role} signs in");
        return client;
    }

    [Fact]
    public async Task The_home_page_is_served_to_anonymous_visitors_as_an_interactive_page()
    {
        using var client = app.CreateFormClient();

        using var response = await client.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        var page = await HtmlPage.ReadAsync(response);
        // No prerendering: the body is filled by the circuit, so the HTML must carry the server component marker and the script.
        page.Html.ShouldContain("<!--Blazor:{\"type\":\"server\"");
        page.Document.Scripts.Select(s => s.Source ?? "").ShouldContain(src => src.Contains("_framework/blazor.web", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/account/password")]
    [InlineData("/admin/trainers")]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_protected_pages(string path)
    {
        using var client = app.CreateFormClient();

        using var response = await client.GetAsync(path);

        response.ShouldRedirect().ShouldBe($"/account/login?ReturnUrl={Uri.EscapeDataString(path)}");
    }

    [Fact]
    public async Task A_member_is_denied_the_admin_pages()
    {
        using var member = await SignedInAsync(Roles.Member);

        using var response = await member.GetAsync("/admin/trainers");

        response.ShouldRedirect().ShouldStartWith("/account/denied");
        var denied = await member.GetPageAsync("/account/denied");
        denied.Status.ShouldBe(HttpStatusCode.OK);
        denied.Text.ShouldContain("this page belongs to another role");
    }

    [Fact]
    public async Task A_trainer_is_denied_the_admin_pages()
    {
        using var trainer = await SignedInAsync(Roles.Trainer);

        using var response = await trainer.GetAsync("/admin/trainers");

        response.ShouldRedirect().ShouldStartWith("/account/denied");
    }

    [Fact]
    public async Task The_admin_opens_the_trainers_page()
    {
        using var admin = app.CreateFormClient();
        using var signedIn = await admin.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        signedIn.Issues("BackOnTrack.Auth").ShouldBeTrue();

        var page = await admin.GetPageAsync("/admin/trainers");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Form("create-trainer").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_signed_in_member_opens_their_password_page()
    {
        using var member = await SignedInAsync(Roles.Member);

        var page = await member.GetPageAsync("/account/password");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Form("change-password").ShouldNotBeNull();
    }

    [Fact]
    public async Task An_unknown_address_answers_404_with_the_not_found_page()
    {
        using var member = await SignedInAsync(Roles.Member);

        var page = await member.GetPageAsync("/no/such/page");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Html.ShouldContain("<!--Blazor:", customMessage: "the app's own page (filled in by the circuit), not a bare server error");
    }

    [Fact]
    public async Task An_unknown_address_asks_anonymous_visitors_to_sign_in_first()
    {
        // Deny by default: the fallback policy covers addresses no page claims, so nothing can be probed anonymously.
        using var client = app.CreateFormClient();

        using var response = await client.GetAsync("/no/such/page");

        response.ShouldRedirect().ShouldStartWith("/account/login");
    }
}
