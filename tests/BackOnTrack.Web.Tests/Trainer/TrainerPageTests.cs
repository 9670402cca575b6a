using System.Security.Claims;
using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Trainers;
using BackOnTrack.Web.Trainer;
using Bunit;
using TestContext = Xunit.TestContext;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace BackOnTrack.Web.Tests.Trainer;

/// <summary>
/// The trainer's pages rendered in bUnit over the real app's services and database (what the circuit
/// runs): the dashboard's queue and a floor alert pushed without a refresh; a client's log, its tabs and the audit.
/// </summary>
public sealed class TrainerPageTests : BunitContext, IClassFixture<TrainerApp>
{
    private readonly TrainerApp _app;

    public TrainerPageTests(TrainerApp app)
    {
        _app = app;
        // The app's own singletons (stores over its database, access, audit, alerts), not its whole root provider.
        foreach (var type in new[]
        {
            typeof(ClientAccess), typeof(ClientLogStore), typeof(TrainerStore), typeof(TriageStore), typeof(FloorAlertStore), typeof(FloorAlerts),
            typeof(TrainerDashboard), typeof(TrainerPlanChanges), typeof(Data.Members.MemberStore), typeof(Data.Sessions.HistoryStore),
            typeof(Domain.Library.ExerciseLibrary), typeof(TimeProvider),
        })
        {
            Services.AddSingleton(type, app.Services.GetRequiredService(type));
        }

        Services.AddValidatorsFromAssemblyContaining<Account.SignInFormValidator>(ServiceLifetime.Singleton);
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        var auth = AddAuthorization();
        auth.SetAuthorized(TrainerApp.Email(Who.LinkedTrainer));
        auth.SetRoles(Roles.Trainer);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, app.LinkedTrainerId));
    }

    [Fact]
    public async Task The_dashboard_lists_the_spine_stop_and_shows_a_new_alert_without_a_refresh()
    {
        var page = Render<TrainerHome>();
        page.WaitForAssertion(() => page.Find("[data-testid=triage]").ShouldNotBeNull(), TimeSpan.FromSeconds(10));
        page.Find($"li[data-flag='stop:{_app.StoppedSessionId}']").TextContent.ShouldContain("Cleo Client");
        page.Find("[data-testid=client-list]").TextContent.ShouldContain("Cleo Client");

        await _app.Services.GetRequiredService<FloorAlerts>().RaiseAsync(FloorAlertKind.SpineFelt, _app.ClientId, _app.StoppedSessionId, null, "Home", TestContext.Current.CancellationToken);
        await _app.Services.GetRequiredService<FloorAlerts>().RaiseAsync(FloorAlertKind.SharpPain, _app.OtherMemberId, null, null, "Home", TestContext.Current.CancellationToken);

        page.WaitForAssertion(() => page.FindAll("[data-testid=floor-alert]").ShouldHaveSingleItem().TextContent.ShouldContain("Cleo Client felt something in the spine"), TimeSpan.FromSeconds(5));

        page.Find("[data-testid=acknowledge]").Click();
        page.WaitForAssertion(() => page.FindAll("[data-testid=floor-alert]").ShouldBeEmpty());
    }

    [Fact]
    public async Task A_clients_log_opens_with_its_sessions_writes_the_audit_and_every_tab_renders()
    {
        var before = (await _app.Trainers.ReadsAsync(_app.ClientId, cancellationToken: TestContext.Current.CancellationToken)).Count;

        var page = Render<ClientPage>(p => p.Add(x => x.MemberId, _app.ClientId));

        page.WaitForAssertion(() => page.FindAll("[data-testid=client-log] tbody tr").Count.ShouldBe(2), TimeSpan.FromSeconds(10));
        page.Find("h1").TextContent.ShouldBe("Cleo Client");
        var reads = await _app.Trainers.ReadsAsync(_app.ClientId, cancellationToken: TestContext.Current.CancellationToken);
        reads.Count.ShouldBe(before + 1);
        (reads[0].ReaderId, reads[0].What).ShouldBe((_app.LinkedTrainerId, ClientReads.ClientLog));

        page.Find("#exercise").Change("bridge");
        page.Find("input[type=checkbox]").Change(true);
        page.Find("[data-testid=apply-filter]").Click();
        page.WaitForAssertion(() => page.FindAll("[data-testid=client-log] tbody tr").ShouldHaveSingleItem().GetAttribute("data-session").ShouldBe(_app.StoppedSessionId.ToString()));

        page.Find("[data-testid=tab-Notes]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=notes]").ShouldNotBeNull());
        page.Find("[data-testid=tab-Plan]").Click();
        page.WaitForAssertion(() => page.Markup.ShouldContain("has not set up a plan yet"));
        page.Find("[data-testid=tab-Progress]").Click();
        page.WaitForAssertion(() => page.Markup.ShouldContain("No plan yet"));
    }

    [Fact]
    public void A_client_who_is_not_linked_is_not_found_in_the_page_too()
    {
        var page = Render<ClientPage>(p => p.Add(x => x.MemberId, _app.OtherMemberId));

        page.WaitForAssertion(() => page.Find("[data-testid=client-not-found]").ShouldNotBeNull(), TimeSpan.FromSeconds(10));
        page.Markup.ShouldNotContain("Otto");
    }
}
