using BackOnTrack.Data.Accounts;
using BackOnTrack.EndToEnd.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BackOnTrack.EndToEnd.Tests.Harness;

/// <summary>The server harness: real Kestrel on loopback, own data folder, restart on the same folder and port.</summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class AppServerTests(BrowserFixture browser) : EndToEndTest(browser)
{
    [Fact]
    public async Task The_server_listens_on_loopback_with_its_own_empty_data_folder()
    {
        await using var server = await AppServer.StartNewAsync();
        using var http = server.CreateHttpClient();

        server.BaseAddress.Host.ShouldBe("127.0.0.1");
        File.Exists(Path.Combine(server.DataDirectory, "backontrack.db")).ShouldBeTrue();
        using var home = await http.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        home.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/setup", "an empty data folder means first run");
    }

    [Fact]
    public async Task Extra_settings_reach_the_app()
    {
        await using var server = await AppServer.StartNewAsync(new Dictionary<string, string?> { ["SignInRateLimit:PermitsPerMinute"] = "1" });
        using var http = server.CreateHttpClient();

        using var first = await http.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        using var second = await http.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        first.StatusCode.ShouldNotBe(System.Net.HttpStatusCode.TooManyRequests);
        second.StatusCode.ShouldBe(System.Net.HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task After_a_restart_on_the_same_folder_and_port_the_data_and_the_sign_in_are_still_there()
    {
        var server = await StartServerAsync();
        await CreateAccountAsync(server, "owner@gym.example", "owner keeps the keys safe", Roles.Admin, "Riley");
        await CreateAccountAsync(server, "maya@example.com", "river stones and tea", Roles.Member, "Maya");
        var you = await OpenAsync(server, Viewport.Desktop);
        var page = you.Page;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync("maya@example.com");
        await page.GetByLabel("Password").FillAsync("river stones and tea");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Maya" })).ToBeVisibleAsync();
        await you.StepAsync("before-restart");
        var port = server.Port;

        // The open circuit loses its connection while the server is down: expected here, and only here.
        await you.WhileExpectingAsync(BrowserSession.IsConnectionLoss, async () =>
        {
            await server.StopAsync();
            server.IsRunning.ShouldBeFalse();
            await server.StartAsync();
            await page.ReloadAsync();
        });

        server.Port.ShouldBe(port);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Maya" })).ToBeVisibleAsync();
        await you.StepAsync("after-restart");
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        (await users.GetUsersInRoleAsync(Roles.Admin)).Count.ShouldBe(1);
    }

    private static async Task CreateAccountAsync(AppServer server, string email, string password, string role, string name)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = new UserAccount { UserName = email, Email = email, DisplayName = name, CreatedUtc = DateTime.UtcNow };
        (await users.CreateAsync(user, password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
    }
}
