using System.Globalization;
using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Sessions;
using BackOnTrack.Data.Trainers;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BackOnTrack.Data.Tests.Trainers;

/// <summary>The trainer stores over a migrated <see cref="TempDatabase"/>, accounts with roles, and sessions played through the engine.</summary>
public static class TrainerTestKit
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    public static async Task<TempDatabase> MigratedAsync(CancellationToken cancellationToken)
    {
        var database = new TempDatabase();
        await database.Initializer.InitializeAsync(cancellationToken);
        return database;
    }

    public static TrainerStore TrainerStore(this TempDatabase database) => new(new Contexts(database));

    public static ClientLogStore ClientLogStore(this TempDatabase database) => new(new Contexts(database));

    public static TriageStore TriageStore(this TempDatabase database) => new(new Contexts(database));

    public static SessionStore SessionStore(this TempDatabase database) => new(new Contexts(database));

    public static async Task<string> AddAccountAsync(this TempDatabase database, string name, string role)
    {
        await using var db = await database.CreateContextAsync();
        var id = name + "-" + Guid.NewGuid().ToString("N")[..6];
        db.Users.Add(new UserAccount
        {
            Id = id,
            UserName = id + "@example.com",
            NormalizedUserName = (id + "@example.com").ToUpperInvariant(),
            Email = id + "@example.com",
            NormalizedEmail = (id + "@example.com").ToUpperInvariant(),
            DisplayName = name,
            CreatedUtc = T0.UtcDateTime,
            SecurityStamp = Guid.NewGuid().ToString(),
        });
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = id, RoleId = roleId });
        await db.SaveChangesAsync();
        return id;
    }

    private static readonly SessionTimings Short = new()
    {
        GetReadySeconds = 3,
        SwitchSidesSeconds = 2,
        StretchHoldSecondsOverride = 5,
        ExerciseHoldSecondsOverride = 5,
        RestSecondsOverride = 5,
    };

    /// <summary>
    /// A training session played through the engine: every planned set done and checked in with
    /// <paramref name="feel"/>, ended normally; or, with <paramref name="stopAfterSets"/>, stopped with
    /// <paramref name="stop"/> after that many sets. <paramref name="setsPerExercise"/> changes the plan's sets.
    /// </summary>
    public static IReadOnlyList<SessionEvent> Played(Guid id, string memberId, DateTimeOffset at, int setsPerExercise = 3, int? stopAfterSets = null,
        Sensation stop = Sensation.SpineFelt, Sensation feel = Sensation.MuscleBurn, string[]? skipExercises = null)
    {
        var starter = MemberPlan.Starter(ExerciseLibrary.BuiltIn, EquipmentOwned.None, at.AddDays(-30));
        var plan = starter with { Exercises = starter.Exercises.Select(e => e with { Sets = setsPerExercise }).ToList() };
        var events = new List<SessionEvent> { SessionEngine.Start(id, memberId, SessionPlanner.ForTraining(plan, ExerciseLibrary.BuiltIn, Short), at) };
        var state = SessionEngine.Replay(events);
        var now = at;
        for (var step = 0; step < 2_000 && !state.IsFinal; step++)
        {
            SessionCommand command = state.Phase switch
            {
                SessionPhase.ReadinessCheck => new AnswerReadiness(BackFeeling.Good, AnythingNew: false),
                SessionPhase.WarmUp or SessionPhase.CoolDown => state.StretchInProgress ? new FinishStretchHold() : new StartStretch(),
                SessionPhase.Briefing when skipExercises?.Contains(state.CurrentExercise!.ExerciseId) == true => new Skip("not today"),
                SessionPhase.Briefing when !state.BriefingConfirmed => new ConfirmBriefing(CuesRead: true),
                SessionPhase.Briefing => new StartSet(),
                SessionPhase.SetInProgress => state.ActiveVariation!.Kind == VariationKind.Reps ? new CompleteSet(state.ActiveVariation.Amount) : new FinishHold(),
                SessionPhase.CheckIn when stopAfterSets is { } n && state.CompletedSets.Count >= n => new ReportSensation(stop, 7),
                SessionPhase.CheckIn => new ReportSensation(feel, 2, FormRating.Good),
                SessionPhase.Rest => new FinishRest(),
                SessionPhase.Summary when state.Rating is null => new RateSession(4, 6),
                SessionPhase.Summary => new FinishSession(),
                _ => throw new InvalidOperationException($"Unexpected phase {state.Phase}."),
            };
            now = now.AddSeconds(60);
            var result = SessionEngine.Apply(state, command, now);
            if (result.Rejection is { } rejection)
            {
                throw new InvalidOperationException($"{command} rejected in {state.Phase}: {rejection.Message}");
            }

            state = result.State;
            events.AddRange(result.Events);
        }

        return events;
    }

    public static SessionHeader Header(SessionState state) => new(
        state.StretchingOnly ? nameof(SessionKind.StretchingOnly) : state.Plan.Kind.ToString(),
        state.IsFinal ? state.Phase.ToString() : "InProgress",
        state.EndedAt?.UtcDateTime,
        state.IsFinal ? SessionOutcome.From(state) : null);

    public static async Task SaveAsync(this TempDatabase database, IReadOnlyList<SessionEvent> events)
    {
        var state = SessionEngine.Replay(events);
        await database.SessionStore().CreateAsync(state.SessionId, state.MemberId, "Home", events, Header(state));
    }

    /// <summary>
    /// Many sessions fast: one played template per shape, copied with new ids and dates and written with a
    /// raw prepared insert in one transaction (what the stores read is exactly what the app writes).
    /// </summary>
    public static async Task BulkAsync(this TempDatabase database, string memberId, int count, Func<int, IReadOnlyList<SessionEvent>> templateFor)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database.DatabaseFile, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var header = connection.CreateCommand();
        header.Transaction = transaction;
        header.CommandText = """
            INSERT INTO "TrainingSessions" ("Id","MemberId","Kind","Status","Device","StartedUtc","EndedUtc","LastEventUtc","EventCount","OutcomeJson","AdviceJson")
            VALUES ($id,$member,$kind,$status,'Home',$started,$ended,$last,$count,$outcome,$advice)
            """;
        var row = connection.CreateCommand();
        row.Transaction = transaction;
        row.CommandText = """INSERT INTO "SessionEvents" ("SessionId","Sequence","Type","Payload","RecordedUtc") VALUES ($session,$seq,$type,$payload,$at)""";
        foreach (var name in new[] { "$id", "$member", "$kind", "$status", "$started", "$ended", "$last", "$count", "$outcome", "$advice" })
        {
            header.Parameters.Add(new SqliteParameter(name, null));
        }

        foreach (var name in new[] { "$session", "$seq", "$type", "$payload", "$at" })
        {
            row.Parameters.Add(new SqliteParameter(name, null));
        }

        header.Prepare();
        row.Prepare();
        for (var i = 0; i < count; i++)
        {
            var template = templateFor(i);
            var shift = TimeSpan.FromDays(i);
            var id = Guid.CreateVersion7();
            var events = template.Select(e => e is SessionStarted s ? s with { SessionId = id, MemberId = memberId, At = s.At + shift } : e with { At = e.At + shift }).ToList();
            var state = SessionEngine.Replay(events);
            var h = Header(state);
            header.Parameters["$id"].Value = id.ToString().ToUpperInvariant();
            header.Parameters["$member"].Value = memberId;
            header.Parameters["$kind"].Value = h.Kind;
            header.Parameters["$status"].Value = h.Status;
            header.Parameters["$started"].Value = Utc(events[0].At);
            header.Parameters["$ended"].Value = h.EndedUtc is { } ended ? Utc(ended) : DBNull.Value;
            header.Parameters["$last"].Value = Utc(events[^1].At);
            header.Parameters["$count"].Value = events.Count;
            header.Parameters["$outcome"].Value = (object?)h.Outcome is null ? DBNull.Value : System.Text.Json.JsonSerializer.Serialize(h.Outcome, JsonOptions);
            header.Parameters["$advice"].Value = "[\"Keep going: 1 of 3 clean sessions in a row so far.\"]";
            await header.ExecuteNonQueryAsync();
            for (var n = 0; n < events.Count; n++)
            {
                var (type, payload) = SessionEventSerializer.Write(events[n]);
                row.Parameters["$session"].Value = id.ToString().ToUpperInvariant();
                row.Parameters["$seq"].Value = n + 1;
                row.Parameters["$type"].Value = type;
                row.Parameters["$payload"].Value = payload;
                row.Parameters["$at"].Value = Utc(events[n].At);
                await row.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private sealed class Contexts(TempDatabase database) : IDbContextFactory<BackOnTrackDbContext>
    {
        public BackOnTrackDbContext CreateDbContext() => database.CreateContextAsync().GetAwaiter().GetResult();

        public Task<BackOnTrackDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => database.CreateContextAsync();
    }
}
