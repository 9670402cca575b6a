using System.Net;
using AngleSharp.Dom;
using BackOnTrack.Data.Accounts;
using BackOnTrack.Web.Account;
using BackOnTrack.Web.Tests.Infrastructure;

namespace BackOnTrack.Web.Tests.Accounts;

/// <summary>First-run setup changes the app for good, so every test here starts its own empty app.</summary>
public sealed class FirstRunSetupTests
{
    private static Dictionary<string, string> AdminFields(string email = "first@gym.example", string password = "a long and private phrase") => new()
    {
        ["Input.DisplayName"] = "Riley",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    [Fact]
    public async Task Before_setup_the_front_door_leads_to_the_setup_page()
    {
        await using var app = new AppFactory();
        using var client = app.CreateFormClient();

        using var home = await client.GetAsync("/");
        home.ShouldRedirect().ShouldBe("/setup");

        var setup = await client.GetPageAsync("/setup");
        setup.Status.ShouldBe(HttpStatusCode.OK);
        setup.Text.ShouldContain("one-time setup");
        setup.Form("setup").ShouldNotBeNull();
    }

    [Fact]
    public async Task Setup_creates_the_admin_signs_them_in_and_opens_the_front_door()
    {
        await using var app = new AppFactory();
        using var client = app.CreateFormClient();

        using var created = await client.SubmitAsync("/setup", "setup", AdminFields());

        created.ShouldRedirect().ShouldBe("/admin/trainers");
        created.Issues("BackOnTrack.Auth").ShouldBeTrue("the new admin is signed in");
        var admins = await app.AccountsInRoleAsync(Roles.Admin);
        admins.Select(a => a.Email).ShouldBe(["first@gym.example"]);
        admins[0].DisplayName.ShouldBe("Riley");

        var trainers = await client.GetPageAsync("/admin/trainers");
        trainers.Status.ShouldBe(HttpStatusCode.OK, "the admin's cookie opens the admin page");
        trainers.Text.ShouldContain("Add a trainer");

        using var anonymous = app.CreateFormClient();
        using var home = await anonymous.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK, "after setup the front door is the home page, not /setup");
    }

    [Fact]
    public async Task Setup_happens_only_once_then_the_page_is_gone_and_a_replayed_post_creates_nobody()
    {
        await using var app = new AppFactory();
        using var first = app.CreateFormClient();
        using var done = await first.SubmitAsync("/setup", "setup", AdminFields());
        done.ShouldRedirect().ShouldBe("/admin/trainers");

        using var attacker = app.CreateFormClient();
        var again = await attacker.GetPageAsync("/setup");
        again.Status.ShouldBe(HttpStatusCode.NotFound);
        again.Document.Forms.ShouldBeEmpty("no setup form after setup");

        // A POST built by hand (token from another page) must not create a second admin.
        var token = await attacker.AntiforgeryTokenAsync();
        using var replay = await attacker.PostAsync("/setup",
            [new("_handler", "setup"), new("__RequestVerificationToken", token), .. AdminFields("second@gym.example")]);

        ((int)replay.StatusCode).ShouldBeGreaterThanOrEqualTo(400, "a second setup is refused");
        replay.Issues("BackOnTrack.Auth").ShouldBeFalse("nobody is signed in by a refused setup");
        (await app.FindAccountAsync("second@gym.example")).ShouldBeNull();
        (await app.AccountsInRoleAsync(Roles.Admin)).Count.ShouldBe(1);
        (await app.AccountCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Two_browsers_submitting_setup_at_the_same_time_create_exactly_one_admin()
    {
        await using var app = new AppFactory();
        using var one = app.CreateFormClient();
        using var two = app.CreateFormClient();

        // Both load the form before either submits, then both submit at once.
        var formOne = await one.GetPageAsync("/setup");
        var formTwo = await two.GetPageAsync("/setup");
        static List<KeyValuePair<string, string>> Fields(HtmlPage page, string email) =>
        [
            new("_handler", "setup"),
            new("__RequestVerificationToken", page.Form("setup").QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value),
            .. AdminFields(email),
        ];

        var responses = await Task.WhenAll(
            one.PostAsync("/setup", Fields(formOne, "one@gym.example")),
            two.PostAsync("/setup", Fields(formTwo, "two@gym.example")));

        (await app.AccountsInRoleAsync(Roles.Admin)).Count.ShouldBe(1);
        (await app.AccountCountAsync()).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Found && r.Headers.Location?.AbsolutePath == "/admin/trainers").ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.NotFound).ShouldBe(1, "the loser finds the setup page gone");
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Theory]
    [InlineData("short", PasswordPolicy.TooShortMessage)]
    [InlineData("password123", PasswordPolicy.CommonMessage)]
    public async Task Setup_refuses_a_weak_admin_password_with_a_clear_message(string password, string message)
    {
        await using var app = new AppFactory();
        using var client = app.CreateFormClient();

        using var response = await client.SubmitAsync("/setup", "setup", AdminFields(password: password));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form comes back with the message");
        var page = await HtmlPage.ReadAsync(response);
        page.ValidationMessages.ShouldContain(message);
        (await app.AccountCountAsync()).ShouldBe(0);
        using var home = await client.GetAsync("/");
        home.ShouldRedirect().ShouldBe("/setup");
    }
}
