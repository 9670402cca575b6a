using System.Diagnostics;
using BackOnTrack.Data;
using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Members;
using BackOnTrack.Data.Sessions;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackOnTrack.Perf.DataGen;

/// <summary>Who the generator creates; the load client signs in as them.</summary>
internal static class PerfUsers
{
    public const string Password = "perf-load-password-1";

    public const string AdminEmail = "perf-admin@perf.test";

    public const string ClientEmail = "perf-client@perf.test";

    public const string TrainerEmail = "perf-trainer@perf.test";

    public static string Member(int index) => $"perf-member-{index:D5}@perf.test";
}

internal sealed record DataGenOptions(string DataDirectory, int Members, int HistorySessions, int SetsPerExercise, int Seed = 8);

/// <summary>
/// Seeds a data folder the app can run on: migrated by the app's own initializer, accounts in the
/// Identity tables (one shared PBKDF2 hash, made with the app's 210,000 iterations, so sign-in costs what
/// it costs in production), member profiles and safety screens through <see cref="MemberStore"/>, and a
/// long-history client whose sessions were driven command by command through <see cref="SessionEngine"/>
/// and written through <see cref="SessionStore"/> — so every log replays.
/// </summary>
internal sealed class DataGenerator(DataGenOptions options, TextWriter log)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        await using var provider = DataServices(dataDirectory);
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        var contexts = provider.GetRequiredService<IDbContextFactory<BackOnTrackDbContext>>();
        var members = provider.GetRequiredService<MemberStore>();
        var sessions = provider.GetRequiredService<SessionStore>();
        var library = ExerciseLibrary.BuiltIn;

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Users.AnyAsync(u => u.Email == PerfUsers.AdminEmail, cancellationToken))
            {
                log.WriteLine($"{dataDirectory} already holds perf data; delete the folder to regenerate.");
                return;
            }
        }

        var hasher = new PasswordHasher<UserAccount>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 210_000 }));
        var hash = hasher.HashPassword(new UserAccount(), PerfUsers.Password);
        var roles = await RoleIdsAsync(contexts, cancellationToken);
        var start = DateTimeOffset.UtcNow;

        var staff = await AddAccountsAsync(contexts, [(PerfUsers.AdminEmail, Roles.Admin), (PerfUsers.TrainerEmail, Roles.Trainer)], hash, roles, start, cancellationToken);
        var memberEmails = Enumerable.Range(1, options.Members).Select(PerfUsers.Member).Prepend(PerfUsers.ClientEmail).ToList();
        var ids = new List<string>();
        foreach (var chunk in memberEmails.Chunk(500))
        {
            ids.AddRange(await AddAccountsAsync(contexts, chunk.Select(e => (e, Roles.Member)).ToList(), hash, roles, start, cancellationToken));
        }

        await provider.GetRequiredService<Data.Trainers.TrainerStore>().AssignAsync(staff[1], ids[0], staff[0], start.UtcDateTime, cancellationToken);
        log.WriteLine($"{ids.Count + 2} accounts in {clock.Elapsed.TotalSeconds:0.0} s");

        var clear = RedFlagScreen.Questions.Select(q => new RedFlagAnswer(q.Id, false)).ToList();
        var equipment = new EquipmentOwned(Bench: true, [8m, 12m], [5m], BandOrAnkleWeight: true);
        var historyStart = start.AddDays(-3 * 365);
        for (var i = 0; i < ids.Count; i++)
        {
            var onboarded = i == 0 ? historyStart.AddDays(-1) : start.AddDays(-30);
            var plan = MemberPlan.Starter(library, equipment, onboarded);
            if (i == 0)
            {
                // The long-history client trains with more sets, so ~1,000 sessions hold ~30,000 sets.
                plan = plan with { Exercises = plan.Exercises.Select(e => e with { Sets = options.SetsPerExercise }).ToList() };
            }

            await members.SaveOnboardingAsync(ids[i], "Keep my back strong", plan, onboarded.UtcDateTime, cancellationToken);
            await members.RecordScreeningAsync(ids[i], clear, onboarded.UtcDateTime, cancellationToken);
        }

        log.WriteLine($"{ids.Count} member profiles and screens in {clock.Elapsed.TotalSeconds:0.0} s");

        var (sessionCount, setCount, eventCount) = await WriteHistoryAsync(ids[0], members, sessions, historyStart, start, cancellationToken);
        log.WriteLine($"history for {PerfUsers.ClientEmail}: {sessionCount} sessions, {setCount} sets, {eventCount} events in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task<(int Sessions, int Sets, int Events)> WriteHistoryAsync(
        string memberId, MemberStore members, SessionStore sessions, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed);
        var profile = await members.FindAsync(memberId, cancellationToken) ?? throw new InvalidOperationException("The client has no profile.");
        var library = ExerciseLibrary.BuiltIn;
        var timings = SessionTimings.Default;
        var days = (until - from).TotalDays;
        int sets = 0, events = 0;
        for (var n = 0; n < options.HistorySessions; n++)
        {
            var day = from.AddDays(days * n / options.HistorySessions).Date;
            var now = new DateTimeOffset(day, TimeSpan.Zero).AddHours(7 + random.Next(12)).AddMinutes(random.Next(60));
            var kind = n % 6 == 5 ? SessionKind.StretchingOnly : SessionKind.Training;
            var plan = kind == SessionKind.Training
                ? SessionPlanner.ForTraining(profile.Plan, library, timings)
                : SessionPlanner.ForEveningStretch(library, timings);
            var sessionId = Guid.CreateVersion7(now);
            IReadOnlyList<SessionEvent> started = [SessionEngine.Start(sessionId, memberId, plan, now)];
            var state = SessionEngine.Replay(started);
            await sessions.CreateAsync(sessionId, memberId, Device, started, Header(state), cancellationToken);
            events += started.Count;

            // The whole walk in one append (one transaction, through the store).
            var startedVersion = state.Version;
            var walk = Autopilot.Walk(state, now, random, until: _ => false, $"Session {n}");
            state = walk.State;
            var appended = await sessions.AppendAsync(sessionId, startedVersion, walk.Events, Header(state), cancellationToken);
            if (appended != AppendResult.Appended)
            {
                throw new InvalidOperationException($"Session {n}: append returned {appended}.");
            }

            events += walk.Events.Count;

            sets += state.CompletedSets.Count;
            if (n % 100 == 99)
            {
                log.WriteLine($"  {n + 1} sessions, {sets} sets");
            }
        }

        return (options.HistorySessions, sets, events);
    }

    /// <summary>The app's data layer (stores, context factory, initializer) over a data folder, as the app registers it.</summary>
    internal static ServiceProvider DataServices(string dataDirectory) => new ServiceCollection()
        .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
        .AddBackOnTrackData(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:DataDirectory"] = dataDirectory })
            .Build(), dataDirectory)
        .BuildServiceProvider();

    private const string Device = "Home";

    /// <summary>
    /// The header row the app writes after each append — the same rule as the web project's
    /// SessionHeaders.For (kept in step by hand: this tool builds without the web project, which other
    /// people may have mid-edit).
    /// </summary>
    internal static SessionHeader Header(SessionState state) => new(
        state.StretchingOnly || state.Plan.Kind == SessionKind.StretchingOnly ? nameof(SessionKind.StretchingOnly) : nameof(SessionKind.Training),
        state.IsFinal ? state.Phase.ToString() : "InProgress",
        state.EndedAt?.UtcDateTime,
        state.IsFinal ? SessionOutcome.From(state) : null);

    private static async Task<Dictionary<string, string>> RoleIdsAsync(IDbContextFactory<BackOnTrackDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
    }

    private static async Task<List<string>> AddAccountsAsync(
        IDbContextFactory<BackOnTrackDbContext> contexts, IReadOnlyList<(string Email, string Role)> accounts, string hash,
        Dictionary<string, string> roles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = new List<string>();
        foreach (var (email, role) in accounts)
        {
            var user = new UserAccount
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                DisplayName = email.Split('@')[0],
                CreatedUtc = now.UtcDateTime,
                AcceptedNoticeUtc = now.UtcDateTime,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role] });
            ids.Add(user.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ids;
    }
}
