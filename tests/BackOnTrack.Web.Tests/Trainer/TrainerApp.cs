using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Sessions;
using BackOnTrack.Data.Trainers;
using BackOnTrack.Web.Session;
using BackOnTrack.Web.Tests.Infrastructure;
using BackOnTrack.Web.Tests.Progress;
using BackOnTrack.Domain.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace BackOnTrack.Web.Tests.Trainer;

/// <summary>
/// The app with the six people of the access matrix: a client (member) with two sessions, another member,
/// the client's trainer, a trainer who is not linked, and the admin. Signed-in clients are made on demand.
/// </summary>
public sealed class TrainerApp : AppFactory, IAsyncLifetime
{
    public const string Password = "steady hinge and brace";

    public string ClientId { get; private set; } = "";

    public string OtherMemberId { get; private set; } = "";

    public string LinkedTrainerId { get; private set; } = "";

    public Guid SessionId { get; } = Guid.CreateVersion7();

    public Guid StoppedSessionId { get; } = Guid.CreateVersion7();

    public static string Email(Who who) => $"{who.ToString().ToLowerInvariant()}@trainer-tests.example";

    public TrainerStore Trainers => Services.GetRequiredService<TrainerStore>();

    public async ValueTask InitializeAsync()
    {
        await EnsureAdminAsync();
        ClientId = (await CreateAccountAsync(Email(Who.Member), Password, Roles.Member, "Cleo Client")).Id;
        OtherMemberId = (await CreateAccountAsync(Email(Who.OtherMember), Password, Roles.Member, "Otto Other")).Id;
        LinkedTrainerId = (await CreateAccountAsync(Email(Who.LinkedTrainer), Password, Roles.Trainer, "Tara Trainer")).Id;
        await CreateAccountAsync(Email(Who.UnlinkedTrainer), Password, Roles.Trainer, "Uma Unlinked");
        await Trainers.AssignAsync(LinkedTrainerId, ClientId, "setup", DateTime.UtcNow);

        var store = Services.GetRequiredService<SessionStore>();
        var at = DateTimeOffset.UtcNow.AddDays(-2);
        await SaveAsync(store, SessionId, PlayedSessions.Training(SessionId, ClientId, at, sets: 4, end: new Abandon("done for today")));
        await SaveAsync(store, StoppedSessionId, PlayedSessions.Training(StoppedSessionId, ClientId, at.AddDays(1), sets: 2, end: new Stop(Domain.Safety.Sensation.SpineFelt)));
    }

    private static async Task SaveAsync(SessionStore store, Guid id, IReadOnlyList<SessionEvent> events)
    {
        var state = SessionEngine.Replay(events);
        await store.CreateAsync(id, state.MemberId, SessionDevices.Home, events, SessionHeaders.For(state));
    }

    /// <summary>A browser-like client signed in as <paramref name="who"/> (anonymous: not signed in).</summary>
    public async Task<FormClient> ClientForAsync(Who who)
    {
        var client = CreateFormClient();
        if (who == Who.Anonymous)
        {
            return client;
        }

        var (email, password) = who == Who.Admin ? (AdminEmail, AdminPassword) : (Email(who), Password);
        using var response = await client.SignInAsync(email, password);
        response.Issues("BackOnTrack.Auth").ShouldBeTrue($"{who} signs in");
        return client;
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}

public enum Who
{
    Anonymous,
    Member,
    OtherMember,
    LinkedTrainer,
    UnlinkedTrainer,
    Admin,
}
