using BackOnTrack.Data;
using BackOnTrack.Data.Sessions;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Perf.DataGen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOnTrack.Perf.Tests;

/// <summary>
/// The data generator and the mid-session preparer on a small real SQLite file: what they write must be
/// what the app would have written — logs that replay through the engine, the unfinished session the
/// app's own "resume" query finds, past the warm-up.
/// </summary>
public sealed class MidwaySessionsTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "bot-perf-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Two_members_in_three_get_a_resumable_session_past_the_warm_up_that_replays()
    {
        var cancel = TestContext.Current.CancellationToken;
        await new DataGenerator(new DataGenOptions(_data, Members: 6, HistorySessions: 6, SetsPerExercise: 3), TextWriter.Null).RunAsync(cancel);
        var emails = Enumerable.Range(1, 6).Select(PerfUsers.Member).ToList();

        var prepared = await MidwaySessions.PrepareAsync(_data, emails, seed: 3, cancel);
        var again = await MidwaySessions.PrepareAsync(_data, emails, seed: 3, cancel);

        prepared.ShouldBe(4);
        again.ShouldBe(0, "a member who already has an unfinished session keeps it");
        await using var provider = DataGenerator.DataServices(_data);
        var sessions = provider.GetRequiredService<SessionStore>();
        await using var db = await provider.GetRequiredService<IDbContextFactory<BackOnTrackDbContext>>().CreateDbContextAsync(cancel);
        for (var i = 0; i < emails.Count; i++)
        {
            var normalized = emails[i].ToUpperInvariant();
            var memberId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleAsync(cancel);
            var unfinished = await sessions.FindUnfinishedAsync(memberId, cancel);
            if (i % 3 == 0)
            {
                unfinished.ShouldBeNull();
                continue;
            }

            var stored = (await sessions.LoadAsync(unfinished.ShouldNotBeNull(), cancel)).ShouldNotBeNull();
            var state = SessionEngine.Replay(stored.Events);
            state.Phase.ShouldBe(SessionPhase.Briefing);
            state.WarmUpDone.ShouldBeTrue("S1: the warm-up was done before any exercise");
            state.Version.ShouldBe(stored.Events.Count);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
