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
    public async Task Services_can_be_replaced_for_a_test()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var server = await AppServer.StartNewAsync(services: s => s.AddSingleton<TimeProvider>(clock));

        server.Services.GetRequiredService<TimeProvider>().ShouldBeSameAs(clock);
        var account = await server.CreateAccountAsync("owner@gym.example", "owner keeps the keys safe", Roles.Admin, "Riley");
        account.Id.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task After_a_restart_on_the_same_folder_and_port_the_data_and_the_sign_in_are_still_there()
    {
        var server = await StartServerAsync();
        await server.CreateAccountAsync("owner@gym.example", "owner keeps the keys safe", Roles.Admin, "Riley");
        await server.CreateAccountAsync("maya@example.com", "river stones and tea", Roles.Member, "Maya");
        var you = await OpenAsync(server, Viewport.Desktop);
        var page = you.Page;
        await AccountSteps.SignInAsync(you, "maya@example.com", "river stones and tea");
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
}
