using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Members;
using BackOnTrack.Data.Sessions;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Web.Session;
using BackOnTrack.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace BackOnTrack.Web.Tests.Session;

/// <summary>
/// The whole app (real DI, real SQLite, real stores, launcher, runner and follow-up) with a clock the
/// test moves by hand, so deadlines pass without waiting. One per test class; each test uses its own member.
/// </summary>
public sealed class SessionApp : AppFactory
{
    /// <summary>Seconds the clock moves before each command: longer than any default hold, rest or get-ready.</summary>
    public const int StepSeconds = 60;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddHours(8));

    public ExerciseLibrary Library => Services.GetRequiredService<ExerciseLibrary>();

    public SessionLauncher Launcher => Services.GetRequiredService<SessionLauncher>();

    public SessionStore Sessions => Services.GetRequiredService<SessionStore>();

    public MemberStore Members => Services.GetRequiredService<MemberStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A member account with no profile yet (no password: these tests never sign in over HTTP).</summary>
    public async Task<string> NewMemberAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var name = "member-" + Guid.NewGuid().ToString("N")[..12];
        var user = new UserAccount { UserName = name + "@example.com", Email = name + "@example.com", DisplayName = name, CreatedUtc = Clock.GetUtcNow().UtcDateTime };
        (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.Member)).Succeeded.ShouldBeTrue();
        return user.Id;
    }

    /// <summary>A member who finished onboarding a month ago (starter plan, optionally changed) and screened clear.</summary>
    public async Task<string> OnboardedMemberAsync(Func<MemberPlan, MemberPlan>? plan = null, bool screenClear = true)
    {
        var memberId = await NewMemberAsync();
        var monthAgo = Clock.GetUtcNow().AddDays(-30);
        var starter = MemberPlan.Starter(Library, EquipmentOwned.None, monthAgo);
        await Members.SaveOnboardingAsync(memberId, "A stronger back", (plan ?? (p => p))(starter), monthAgo.UtcDateTime);
        if (screenClear)
        {
            await Members.RecordScreeningAsync(memberId, RedFlagScreen.AllNo(), monthAgo.UtcDateTime);
        }

        return memberId;
    }

    /// <summary>Starts a training session the way the start page does; it must start.</summary>
    public async Task<Guid> StartTrainingAsync(string memberId)
    {
        var launched = await Launcher.StartAsync(memberId, SessionKind.Training, SessionDevices.Home);
        launched.Status.ShouldBe(LaunchStatus.Started, launched.Message);
        return launched.SessionId!.Value;
    }

    /// <summary>A new circuit: a new DI scope with its own runner, as when a browser connects.</summary>
    public Circuit OpenCircuit() => new(this, Services.CreateAsyncScope());

    public async Task<int> LogLengthAsync(Guid sessionId) => (await Sessions.LoadAsync(sessionId))!.Version;

    /// <summary>The header row's status, as lists and the trainer's queue read it.</summary>
    public async Task<string> HeaderStatusAsync(string memberId, Guid sessionId) =>
        (await Sessions.RecentAsync(memberId, 50)).Single(s => s.Id == sessionId).Status;
}

/// <summary>One circuit's runner. <see cref="SendAsync"/> moves the clock on a step and sends from the version on screen.</summary>
public sealed class Circuit(SessionApp app, AsyncServiceScope scope) : IAsyncDisposable
{
    public SessionRunner Runner { get; } = scope.ServiceProvider.GetRequiredService<SessionRunner>();

    public SessionState State => Runner.State ?? throw new InvalidOperationException("No session is loaded in this circuit.");

    public async Task OpenAsync(Guid sessionId, string memberId) =>
        (await Runner.LoadAsync(sessionId, memberId)).ShouldBeTrue("the member's own session loads");

    public Task<CommandOutcome> SendAsync(SessionCommand command)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(SessionApp.StepSeconds));
        return Runner.SendAsync(command, Runner.State?.Version ?? -1);
    }

    /// <summary>Sends a command that must be recorded.</summary>
    public async Task DoAsync(SessionCommand command)
    {
        var outcome = await SendAsync(command);
        outcome.Status.ShouldBe(CommandStatus.Accepted, $"{command} in {Runner.State?.Phase}: {outcome.Message}");
    }

    public async Task ToBriefingAsync()
    {
        await DoAsync(new AnswerReadiness(BackFeeling.Good, AnythingNew: false));
        for (var i = 0; i < 50 && State.Phase == SessionPhase.WarmUp; i++)
        {
            await DoAsync(State.StretchInProgress ? new FinishStretchHold() : new StartStretch());
        }

        State.Phase.ShouldBe(SessionPhase.Briefing);
    }

    /// <summary>From the briefing: confirm the cues and start the first set.</summary>
    public async Task ToFirstSetAsync()
    {
        await ToBriefingAsync();
        await DoAsync(new ConfirmBriefing(CuesRead: true));
        await DoAsync(new StartSet());
        State.Phase.ShouldBe(SessionPhase.SetInProgress);
    }

    public SessionCommand FinishSetCommand() =>
        State.ActiveVariation!.Kind == VariationKind.Reps ? new CompleteSet(State.ActiveVariation.Amount) : new FinishHold();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
