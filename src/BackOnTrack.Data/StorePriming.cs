using System.Diagnostics;
using BackOnTrack.Data.Kiosks;
using BackOnTrack.Data.Members;
using BackOnTrack.Data.Sessions;
using BackOnTrack.Data.Trainers;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BackOnTrack.Data;

/// <summary>
/// Does, once at start-up, the one-time work of the member path that would otherwise fall on the first
/// requests: EF Core compiles each query shape once and caches it, System.Text.Json builds each stored
/// type's metadata once. When fifty kiosks open sessions in the same second right after a restart, those
/// first compilations run under a lock while every other request waits behind it (measured: most of the
/// first storm's extra latency; see perf/RESULTS.md). Every query here asks for an id that cannot exist,
/// so priming reads nothing and changes nothing.
/// </summary>
public sealed class StorePriming(
    IDbContextFactory<BackOnTrackDbContext> contexts,
    MemberStore members,
    SessionStore sessions,
    HistoryStore history,
    KioskStore kiosks,
    ILogger<StorePriming> logger)
{
    /// <summary>A member id no account can have (account ids are GUIDs).</summary>
    private const string NoMember = "priming:no-such-member";

    public async Task PrimeAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        PrimeJson();

        var noSession = Guid.Empty;
        var since = DateTime.UnixEpoch;
        _ = await sessions.FindUnfinishedAsync(NoMember, cancellationToken);
        _ = await sessions.LoadAsync(noSession, cancellationToken);
        _ = await sessions.EndedOutcomesAsync(NoMember, 1, cancellationToken);
        _ = await sessions.RecentAsync(NoMember, 1, cancellationToken);
        _ = await sessions.AwaitingNextDayCheckAsync(NoMember, since, cancellationToken);
        _ = await sessions.AdviceAsync(noSession, cancellationToken);
        _ = await members.FindAsync(NoMember, cancellationToken);
        _ = await members.ScreeningAsync(NoMember, cancellationToken);
        _ = await members.NextDayChecksAsync(NoMember, 1, cancellationToken);
        _ = await history.OutcomesAsync(NoMember, since, cancellationToken);
        _ = await history.OutcomesAsync(NoMember, cancellationToken: cancellationToken);
        _ = await history.PageAsync(NoMember, 1, cancellationToken: cancellationToken);
        _ = await history.DetailAsync(NoMember, noSession, cancellationToken);
        _ = await kiosks.FindMemberByCodeAsync(new string('0', KioskStore.MemberCodeLength), cancellationToken);
        _ = await kiosks.IsActiveAsync(noSession, cancellationToken);
        _ = await kiosks.FindAsync(noSession, cancellationToken);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            _ = await SessionStore.ReadLogAsync(db, noSession, cancellationToken);
        }

        logger.LogInformation("Primed the member path's queries and stored JSON shapes in {ElapsedMilliseconds} ms", clock.ElapsedMilliseconds);
    }

    /// <summary>Builds the JSON metadata of every type kept in a JSON column or the session log.</summary>
    private static void PrimeJson()
    {
        Type[] stored =
        [
            typeof(MemberPlan), typeof(EquipmentOwned), typeof(List<Advice>), typeof(List<RedFlagAnswer>), typeof(List<string>),
            typeof(SessionOutcome), typeof(WarmUpWaiverGrant), .. SessionEventSerializer.EventTypes,
        ];
        foreach (var type in stored)
        {
            _ = StoredJson.Options.GetTypeInfo(type);
        }
    }
}
