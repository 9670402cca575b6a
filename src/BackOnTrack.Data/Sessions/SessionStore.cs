using BackOnTrack.Domain.Sessions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BackOnTrack.Data.Sessions;

/// <summary>A session's log as stored: whose it is and every event in order.</summary>
public sealed record StoredSession(Guid Id, string MemberId, string Device, IReadOnlyList<SessionEvent> Events)
{
    public int Version => Events.Count;
}

/// <summary>What the header row should say after an append.</summary>
public sealed record SessionHeader(string Kind, string Status, DateTime? EndedUtc, SessionOutcome? Outcome = null)
{
    internal string? OutcomeJson => Outcome is null ? null : StoredJson.Write(Outcome);
}

public enum AppendResult
{
    Appended,

    /// <summary>Someone else appended first (another tab or device): reload and decide again.</summary>
    Conflict,

    NotFound,
}

/// <summary>A row of a member's session list.</summary>
public sealed record SessionListItem(Guid Id, string Kind, string Status, string Device, DateTime StartedUtc, DateTime? EndedUtc);

/// <summary>
/// The append-only session event log. Each append is one transaction that checks the expected version
/// (optimistic concurrency) and inserts the events with consecutive sequence numbers; the unique
/// (session, sequence) index makes a lost race or a replayed write fail instead of duplicating.
/// </summary>
public sealed class SessionStore(IDbContextFactory<BackOnTrackDbContext> contexts)
{
    public async Task CreateAsync(Guid sessionId, string memberId, string device, IReadOnlyList<SessionEvent> events, SessionHeader header, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(events.Count);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = events[^1].At.UtcDateTime;
        var row = new TrainingSessionRow
        {
            Id = sessionId,
            MemberId = memberId,
            Device = device,
            Kind = header.Kind,
            Status = header.Status,
            StartedUtc = events[0].At.UtcDateTime,
            EndedUtc = header.EndedUtc,
            LastEventUtc = now,
            EventCount = events.Count,
            OutcomeJson = header.OutcomeJson,
        };
        row.Events.AddRange(ToRows(sessionId, 0, events));
        db.TrainingSessions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<StoredSession?> LoadAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var header = await db.TrainingSessions.AsNoTracking()
            .Where(s => s.Id == sessionId)
            .Select(s => new { s.MemberId, s.Device })
            .SingleOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return null;
        }

        return new StoredSession(sessionId, header.MemberId, header.Device, await ReadLogAsync(db, sessionId, cancellationToken));
    }

    /// <summary>A session's events in order, deserialized. The one place the log is read back.</summary>
    internal static async Task<List<SessionEvent>> ReadLogAsync(BackOnTrackDbContext db, Guid sessionId, CancellationToken cancellationToken)
    {
        var rows = await db.SessionEvents.AsNoTracking()
            .Where(e => e.SessionId == sessionId)
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.Type, e.Payload })
            .ToListAsync(cancellationToken);
        return rows.Select(r => SessionEventSerializer.Read(r.Type, r.Payload)).ToList();
    }

    public async Task<AppendResult> AppendAsync(Guid sessionId, int expectedVersion, IReadOnlyList<SessionEvent> events, SessionHeader header, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return AppendResult.Appended;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var updated = await db.TrainingSessions
                .Where(s => s.Id == sessionId && s.EventCount == expectedVersion)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(s => s.EventCount, expectedVersion + events.Count)
                    .SetProperty(s => s.Status, header.Status)
                    .SetProperty(s => s.EndedUtc, header.EndedUtc)
                    .SetProperty(s => s.Kind, header.Kind)
                    .SetProperty(s => s.OutcomeJson, header.OutcomeJson)
                    .SetProperty(s => s.LastEventUtc, events[^1].At.UtcDateTime), cancellationToken);
            if (updated == 0)
            {
                var exists = await db.TrainingSessions.AnyAsync(s => s.Id == sessionId, cancellationToken);
                return exists ? AppendResult.Conflict : AppendResult.NotFound;
            }

            db.SessionEvents.AddRange(ToRows(sessionId, expectedVersion, events));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return AppendResult.Appended;
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            // A unique (session, sequence) violation: another writer got there first.
            return AppendResult.Conflict;
        }
    }

    /// <summary>The member's newest session that has not ended, if any.</summary>
    public async Task<Guid?> FindUnfinishedAsync(string memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.TrainingSessions.AsNoTracking()
            .Where(s => s.MemberId == memberId && s.EndedUtc == null)
            .OrderByDescending(s => s.StartedUtc)
            .Select(s => (Guid?)s.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SessionListItem>> RecentAsync(string memberId, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.TrainingSessions.AsNoTracking()
            .Where(s => s.MemberId == memberId)
            .OrderByDescending(s => s.StartedUtc)
            .Take(take)
            .Select(s => new SessionListItem(s.Id, s.Kind, s.Status, s.Device, s.StartedUtc, s.EndedUtc))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Outcomes of the member's ended sessions, oldest first, at most <paramref name="take"/> of the newest (for the progression advisor).</summary>
    public async Task<IReadOnlyList<SessionOutcome>> EndedOutcomesAsync(string memberId, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = await db.TrainingSessions.AsNoTracking()
            .Where(s => s.MemberId == memberId && s.EndedUtc != null && s.OutcomeJson != null)
            .OrderByDescending(s => s.StartedUtc)
            .Take(take)
            .Select(s => s.OutcomeJson!)
            .ToListAsync(cancellationToken);
        return json.Select(StoredJson.Read<SessionOutcome>).Reverse().ToList();
    }

    /// <summary>
    /// The newest ended training session (not stretching-only) that has no next-day answer yet and ended
    /// after <paramref name="sinceUtc"/>; null when there is nothing to ask about (S9).
    /// </summary>
    public async Task<SessionListItem?> AwaitingNextDayCheckAsync(string memberId, DateTime sinceUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.TrainingSessions.AsNoTracking()
            .Where(s => s.MemberId == memberId && s.Kind == "Training" && s.EndedUtc != null && s.EndedUtc > sinceUtc)
            .Where(s => !db.NextDayChecks.Any(c => c.SessionId == s.Id))
            .OrderByDescending(s => s.EndedUtc)
            .Select(s => new SessionListItem(s.Id, s.Kind, s.Status, s.Device, s.StartedUtc, s.EndedUtc))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Keeps the advice given when the session ended, so the summary shows the same words later.</summary>
    public async Task SaveAdviceAsync(Guid sessionId, IReadOnlyList<string> lines, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = StoredJson.Write(lines);
        await db.TrainingSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(set => set.SetProperty(s => s.AdviceJson, json), cancellationToken);
    }

    public async Task<IReadOnlyList<string>?> AdviceAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = await db.TrainingSessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => s.AdviceJson).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : StoredJson.Read<List<string>>(json);
    }

    private static IEnumerable<SessionEventRow> ToRows(Guid sessionId, int after, IReadOnlyList<SessionEvent> events) =>
        events.Select((e, i) =>
        {
            var (type, payload) = SessionEventSerializer.Write(e);
            return new SessionEventRow
            {
                SessionId = sessionId,
                Sequence = after + i + 1,
                Type = type,
                Payload = payload,
                RecordedUtc = e.At.UtcDateTime,
            };
        });
}
