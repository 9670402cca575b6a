using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Members;
using BackOnTrack.Data.Sessions;
using BackOnTrack.Domain;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace BackOnTrack.Data.Tests.Sessions;

/// <summary>
/// The real stores over a <see cref="TempDatabase"/> (migrated by the real initializer), plus the few
/// rows they depend on. Each store gets its own context per operation, exactly as in the app.
/// </summary>
public static class StoreTestKit
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Short timings so a scripted session steps past every deadline with one-minute jumps.</summary>
    public static SessionTimings ShortTimings { get; } = new()
    {
        GetReadySeconds = 3,
        SwitchSidesSeconds = 2,
        StretchHoldSecondsOverride = 5,
        ExerciseHoldSecondsOverride = 5,
        RestSecondsOverride = 5,
    };

    public static async Task<TempDatabase> MigratedAsync(CancellationToken cancellationToken)
    {
        var database = new TempDatabase();
        await database.Initializer.InitializeAsync(cancellationToken);
        return database;
    }

    public static SessionStore SessionStore(this TempDatabase database) => new(new Contexts(database));

    public static MemberStore MemberStore(this TempDatabase database) => new(new Contexts(database));

    /// <summary>Members are accounts first (every member table has a foreign key to AspNetUsers).</summary>
    public static async Task AddAccountAsync(this TempDatabase database, string memberId)
    {
        await using var db = await database.CreateContextAsync();
        db.Users.Add(new UserAccount
        {
            Id = memberId,
            UserName = memberId + "@example.com",
            NormalizedUserName = (memberId + "@example.com").ToUpperInvariant(),
            Email = memberId + "@example.com",
            NormalizedEmail = (memberId + "@example.com").ToUpperInvariant(),
            DisplayName = memberId,
            CreatedUtc = T0.UtcDateTime,
            SecurityStamp = Guid.NewGuid().ToString(),
        });
        await db.SaveChangesAsync();
    }

    public static MemberPlan StarterPlan() => MemberPlan.Starter(ExerciseLibrary.BuiltIn, EquipmentOwned.None, T0.AddDays(-30));

    public static SessionPlan TrainingPlan() => SessionPlanner.ForTraining(StarterPlan(), ExerciseLibrary.BuiltIn, ShortTimings);

    /// <summary>What the web app writes to the header for a state (mirrors SessionHeaders in Web, which Data cannot reference).</summary>
    public static SessionHeader Header(SessionState state) => new(
        state.StretchingOnly ? nameof(SessionKind.StretchingOnly) : state.Plan.Kind.ToString(),
        state.IsFinal ? state.Phase.ToString() : "InProgress",
        state.EndedAt?.UtcDateTime,
        state.IsFinal ? SessionOutcome.From(state) : null);

    /// <summary>Creates a session exactly as the launcher does: the first event and its header.</summary>
    public static async Task<LiveSession> CreateSessionAsync(this SessionStore store, string memberId, DateTimeOffset at, Guid? id = null, SessionPlan? plan = null)
    {
        var sessionId = id ?? Guid.NewGuid();
        SessionEvent started = SessionEngine.Start(sessionId, memberId, plan ?? TrainingPlan(), at);
        var state = SessionEngine.Replay([started]);
        await store.CreateAsync(sessionId, memberId, "Home", [started], Header(state));
        return new LiveSession(store, state, [started], at);
    }

    /// <summary>Rows of the log as stored, in insertion order: (sequence, type).</summary>
    public static async Task<List<(int Sequence, string Type)>> StoredRowsAsync(this TempDatabase database, Guid sessionId)
    {
        await using var db = await database.CreateContextAsync();
        var rows = await db.SessionEvents.AsNoTracking()
            .Where(e => e.SessionId == sessionId)
            .OrderBy(e => e.Id)
            .Select(e => new { e.Sequence, e.Type })
            .ToListAsync();
        return rows.Select(r => (r.Sequence, r.Type)).ToList();
    }

    public static async Task<TrainingSessionRow> HeaderRowAsync(this TempDatabase database, Guid sessionId)
    {
        await using var db = await database.CreateContextAsync();
        return await db.TrainingSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
    }

    private sealed class Contexts(TempDatabase database) : IDbContextFactory<BackOnTrackDbContext>
    {
        public BackOnTrackDbContext CreateDbContext() => database.CreateContextAsync().GetAwaiter().GetResult();

        public Task<BackOnTrackDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => database.CreateContextAsync();
    }
}

/// <summary>
/// A session being played against the store: every accepted command's events are appended at the
/// version the state had, as the runner does. Immutable; each step returns the next.
/// </summary>
public sealed record LiveSession(SessionStore Store, SessionState State, ValueList<SessionEvent> Log, DateTimeOffset Now)
{
    public const int Step = 60;

    public async Task<LiveSession> ThenAsync(SessionCommand command, int secondsLater = Step)
    {
        var now = Now.AddSeconds(secondsLater);
        var result = SessionEngine.Apply(State, command, now);
        result.Rejection.ShouldBeNull($"{command} was rejected in {State.Phase}");
        var appended = await Store.AppendAsync(State.SessionId, State.Version, result.Events, StoreTestKit.Header(result.State));
        appended.ShouldBe(AppendResult.Appended, $"appending {command}");
        return new LiveSession(Store, result.State, Log.AddRange(result.Events), now);
    }

    /// <summary>Applies commands chosen from the state until <paramref name="whileTrue"/> is false.</summary>
    public async Task<LiveSession> RepeatAsync(Func<SessionState, bool> whileTrue, Func<SessionState, SessionCommand> command, int max = 300)
    {
        var session = this;
        for (var i = 0; i < max && whileTrue(session.State); i++)
        {
            session = await session.ThenAsync(command(session.State));
        }

        whileTrue(session.State).ShouldBeFalse("the scripted loop did not finish");
        return session;
    }

    public Task<LiveSession> FinishStretchesAsync() =>
        RepeatAsync(s => s.Phase is SessionPhase.WarmUp or SessionPhase.CoolDown, s => s.StretchInProgress ? new FinishStretchHold() : new StartStretch());
}
