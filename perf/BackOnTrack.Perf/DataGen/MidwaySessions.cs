using BackOnTrack.Data;
using BackOnTrack.Data.Members;
using BackOnTrack.Data.Sessions;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOnTrack.Perf.DataGen;

/// <summary>
/// Before a training rung: gives two members in three an unfinished session that is already past its
/// warm-up (played through the engine and written through the store, like the history), so that a rung
/// of a minute at a realistic think time meets members at every stage — briefings, sets, check-ins and
/// rests — the way a gym floor at peak does, instead of everyone doing the warm-up at once. The app finds
/// these sessions through its own "resume the unfinished session" path. Written while the app runs:
/// SQLite's WAL and busy timeout let both processes write.
/// </summary>
internal static class MidwaySessions
{
    /// <summary>The app's shortened suite timings (see Suite): the plan must match what the app would have made.</summary>
    public static SessionTimings SuiteTimings { get; } = SessionTimings.Default with
    {
        GetReadySeconds = 0,
        SwitchSidesSeconds = 0,
        StretchHoldSecondsOverride = 1,
        ExerciseHoldSecondsOverride = 1,
        RestSecondsOverride = 1,
    };

    public static async Task<int> PrepareAsync(string dataDirectory, IReadOnlyList<string> emails, int seed, CancellationToken cancellationToken)
    {
        await using var provider = DataGenerator.DataServices(dataDirectory);
        var contexts = provider.GetRequiredService<IDbContextFactory<BackOnTrackDbContext>>();
        var members = provider.GetRequiredService<MemberStore>();
        var sessions = provider.GetRequiredService<SessionStore>();
        var chosen = emails.Where((_, i) => i % 3 != 0).Select(e => e.ToUpperInvariant()).ToList();
        Dictionary<string, string> ids;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.Users.Where(u => chosen.Contains(u.NormalizedEmail!)).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, cancellationToken);
        }

        var random = new Random(seed);
        var prepared = 0;
        foreach (var email in chosen)
        {
            var memberId = ids[email];
            if (await sessions.FindUnfinishedAsync(memberId, cancellationToken) is not null)
            {
                continue;
            }

            var profile = await members.FindAsync(memberId, cancellationToken) ?? throw new InvalidOperationException($"{email} has no profile.");
            var plan = SessionPlanner.ForTraining(profile.Plan, ExerciseLibrary.BuiltIn, SuiteTimings);
            var stopAtExercise = random.Next(plan.Exercises.Count);
            var now = DateTimeOffset.UtcNow.AddMinutes(-20);
            var sessionId = Guid.CreateVersion7(now);
            IReadOnlyList<SessionEvent> started = [SessionEngine.Start(sessionId, memberId, plan, now)];
            var state = SessionEngine.Replay(started);
            await sessions.CreateAsync(sessionId, memberId, "Home", started, DataGenerator.Header(state), cancellationToken);

            var startedVersion = state.Version;
            var walk = Autopilot.Walk(state, now, random, until: st => st.Phase == SessionPhase.Briefing && st.ExerciseIndex >= stopAtExercise, $"Midway session for {email}");
            if (await sessions.AppendAsync(sessionId, startedVersion, walk.Events, DataGenerator.Header(walk.State), cancellationToken) != AppendResult.Appended)
            {
                throw new InvalidOperationException($"Midway session for {email}: the append did not go through.");
            }

            prepared++;
        }

        return prepared;
    }
}
