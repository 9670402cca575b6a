using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Sessions;
using BackOnTrack.Data.Trainers;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Domain.Trainer;
using BackOnTrack.Web.Tests.Infrastructure;
using BackOnTrack.Web.Trainer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackOnTrack.Web.Tests.Trainer;

/// <summary>The documented demo switch: seeds once, the logs replay, the queue has something to show; never in Production; off by default.</summary>
public sealed class DemoDataTests
{
    private sealed class DemoApp(string? environment = null, string? dataDirectory = null) : AppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["DemoData:Enabled"] = "true",
            ["Database:DataDirectory"] = dataDirectory ?? DataDirectory,
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (environment is not null)
            {
                builder.UseEnvironment(environment);
            }
        }
    }

    [Fact]
    public async Task The_demo_seeds_a_trainer_and_clients_whose_logs_replay_and_fill_the_triage_queue_once()
    {
        await using var app = new DemoApp();
        _ = app.Services; // starts the host, which seeds
        var trainer = (await app.FindAccountAsync(DemoDataSeeder.TrainerEmail)).ShouldNotBeNull();
        var clients = await app.Services.GetRequiredService<TrainerStore>().ClientsAsync(trainer.Id, TestContext.Current.CancellationToken);
        clients.Count.ShouldBe(4);

        var queue = TriageQueue.Build(
            await app.Services.GetRequiredService<TriageStore>().ClientsAsync(clients.Select(c => c.MemberId).ToList(), DateTime.UtcNow, TestContext.Current.CancellationToken),
            DateTimeOffset.UtcNow);
        queue.Select(i => i.Kind).ShouldContain(TriageKind.RedFlag);
        queue.Select(i => i.Kind).ShouldContain(TriageKind.SpineStop);
        queue.Select(i => i.Kind).ShouldContain(TriageKind.AdherenceFalling);

        // Every stored log replays to the header the app wrote.
        var sessions = app.Services.GetRequiredService<SessionStore>();
        foreach (var client in clients)
        {
            foreach (var item in await sessions.RecentAsync(client.MemberId, 200, TestContext.Current.CancellationToken))
            {
                var state = SessionEngine.Replay((await sessions.LoadAsync(item.Id, TestContext.Current.CancellationToken))!.Events);
                state.Phase.ToString().ShouldBe(item.Status);
            }
        }

        var accounts = await app.AccountCountAsync();
        await using var again = new DemoApp(dataDirectory: app.DataDirectory);
        _ = again.Services;
        (await again.AccountCountAsync()).ShouldBe(accounts, "a second start does not seed twice");
    }

    [Fact]
    public async Task The_app_refuses_to_start_in_Production_with_demo_data_on()
    {
        await using var app = new DemoApp(environment: Environments.Production);

        var failure = Should.Throw<Exception>(() => app.Services);

        (failure as OptionsValidationException ?? failure.InnerException as OptionsValidationException ?? failure.GetBaseException() as OptionsValidationException)
            .ShouldNotBeNull(failure.ToString()).Message.ShouldContain("DemoData:Enabled");
    }

    [Fact]
    public async Task Demo_data_is_off_by_default()
    {
        await using var app = new AppFactory();
        _ = app.Services;

        (await app.FindAccountAsync(DemoDataSeeder.TrainerEmail)).ShouldBeNull();
        (await app.AccountsInRoleAsync(Roles.Trainer)).ShouldBeEmpty();
    }
}
