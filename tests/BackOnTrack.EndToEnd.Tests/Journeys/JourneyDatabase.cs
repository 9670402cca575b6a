using BackOnTrack.Data;
using BackOnTrack.Data.Members;
using BackOnTrack.Data.Sessions;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.EndToEnd.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOnTrack.EndToEnd.Tests.Journeys;

/// <summary>One session as the database holds it: the TrainingSessions header and its SessionEvents rows, in order.</summary>
public sealed record StoredSession(TrainingSessionRow Header, IReadOnlyList<SessionEventRow> Rows)
{
    public IReadOnlyList<SessionEvent> Events { get; } = Rows.Select(r => SessionEventSerializer.Read(r.Type, r.Payload)).ToList();

    public SessionPlan Plan => Events.OfType<SessionStarted>().Single().Plan;

    public IReadOnlyList<SetCompleted> Sets => Events.OfType<SetCompleted>().ToList();

    public IReadOnlyList<CheckInRecorded> CheckIns => Events.OfType<CheckInRecorded>().ToList();

    public IReadOnlyList<SetCompleted> SetsOf(int exerciseIndex) => Sets.Where(s => s.ExerciseIndex == exerciseIndex).ToList();

    /// <summary>The log is whole: sequences 1..N once each, N = the header's EventCount, and no set or check-in recorded twice.</summary>
    public void ShouldBeIntact()
    {
        Rows.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, Rows.Count), "sequences run 1..N with no gap or duplicate");
        Header.EventCount.ShouldBe(Rows.Count, "the header's event count matches the log");
        Sets.GroupBy(s => (s.ExerciseIndex, s.VariationId, s.SetNumber)).ShouldAllBe(g => g.Count() == 1, "each set is recorded once");
        CheckIns.GroupBy(c => (c.ExerciseIndex, c.VariationId, c.SetNumber)).ShouldAllBe(g => g.Count() == 1, "each check-in is recorded once");
    }
}

/// <summary>
/// Reads (and, for time travel, adjusts) the app's SQLite database through the running server's own
/// DbContext factory, so the journeys can check that what the screen says is what was stored.
/// </summary>
public static class JourneyDatabase
{
    public static async Task<T> QueryAsync<T>(AppServer server, Func<BackOnTrackDbContext, Task<T>> query)
    {
        var contexts = server.Services.GetRequiredService<IDbContextFactory<BackOnTrackDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await query(db);
    }

    public static Task<string> MemberIdAsync(AppServer server, JourneyMember member) =>
        QueryAsync(server, db => db.Users.Where(u => u.Email == member.Email).Select(u => u.Id).SingleAsync());

    public static Task<StoredSession> SessionAsync(AppServer server, Guid sessionId) =>
        QueryAsync(server, async db => new StoredSession(
            await db.TrainingSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId),
            await db.SessionEvents.AsNoTracking().Where(e => e.SessionId == sessionId).OrderBy(e => e.Sequence).ToListAsync()));

    public static Task<List<TrainingSessionRow>> SessionsOfAsync(AppServer server, string memberId) =>
        QueryAsync(server, db => db.TrainingSessions.AsNoTracking().Where(s => s.MemberId == memberId).OrderBy(s => s.StartedUtc).ToListAsync());

    /// <summary>The member's plan as stored in MemberProfiles.PlanJson (read with the app's own mapping).</summary>
    public static async Task<MemberPlan> PlanAsync(AppServer server, string memberId)
    {
        var profile = await server.Services.GetRequiredService<MemberStore>().FindAsync(memberId);
        profile.ShouldNotBeNull($"member {memberId} has a profile");
        return profile.Plan;
    }

    /// <summary>
    /// Moves a session's header times (StartedUtc, EndedUtc, LastEventUtc) back by <paramref name="by"/>, as if
    /// it had been done then. The event log and the stored outcome are left as recorded.
    /// </summary>
    public static Task<int> BackdateAsync(AppServer server, Guid sessionId, TimeSpan by) =>
        QueryAsync(server, async db =>
        {
            var header = await db.TrainingSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
            var ended = header.EndedUtc - by;
            return await db.TrainingSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.StartedUtc, header.StartedUtc - by)
                .SetProperty(s => s.EndedUtc, ended)
                .SetProperty(s => s.LastEventUtc, header.LastEventUtc - by));
        });
}
