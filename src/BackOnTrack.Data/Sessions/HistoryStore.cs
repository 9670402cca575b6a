using BackOnTrack.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace BackOnTrack.Data.Sessions;

/// <summary>
/// One row of a member's session history. <see cref="SetsDone"/> counts the sets recorded in the log
/// (so it is right for a session still under way too); <see cref="StopReason"/> is set when the session
/// was stopped for safety.
/// </summary>
public sealed record HistoryItem(
    Guid Id,
    string Kind,
    string Status,
    string Device,
    DateTime StartedUtc,
    DateTime? EndedUtc,
    int SetsDone,
    bool StoppedForSafety,
    StopReason? StopReason);

/// <summary>One page of a member's history, newest first. <see cref="Page"/> counts from 1.</summary>
public sealed record HistoryPage(IReadOnlyList<HistoryItem> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < TotalPages;
}

/// <summary>
/// One session as the history shows it: the header, the log replayed into its state (every set, hold,
/// check-in, skip and stop), and the advisor's suggestions given when it ended, each with its reason.
/// </summary>
public sealed record HistoryDetail(
    Guid Id,
    string Kind,
    string Status,
    string Device,
    DateTime StartedUtc,
    DateTime? EndedUtc,
    IReadOnlyList<SessionEvent> Events,
    SessionState State,
    IReadOnlyList<string> Advice);

/// <summary>
/// Reads a member's past sessions for progress and history. Read-only, and every query is filtered by
/// the member's id: asking for another member's session answers "not found", never their data.
/// </summary>
public sealed class HistoryStore(IDbContextFactory<BackOnTrackDbContext> contexts)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Outcomes of the member's ended sessions, oldest first; only those started at or after <paramref name="sinceUtc"/> when given.</summary>
    public async Task<IReadOnlyList<SessionOutcome>> OutcomesAsync(string memberId, DateTime? sinceUtc = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.TrainingSessions.AsNoTracking()
            .Where(s => s.MemberId == memberId && s.EndedUtc != null && s.OutcomeJson != null);
        if (sinceUtc is { } since)
        {
            query = query.Where(s => s.StartedUtc >= since);
        }

        var json = await query
            .OrderBy(s => s.StartedUtc)
            .Select(s => s.OutcomeJson!)
            .ToListAsync(cancellationToken);
        return json.Select(StoredJson.Read<SessionOutcome>).ToList();
    }

    /// <summary>A page of the member's sessions, newest first. A page past the end is clamped to the last page.</summary>
    public async Task<HistoryPage> PageAsync(string memberId, int page, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sessions = db.TrainingSessions.AsNoTracking().Where(s => s.MemberId == memberId);
        var total = await sessions.CountAsync(cancellationToken);
        var lastPage = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, lastPage);

        var rows = await sessions
            .OrderByDescending(s => s.StartedUtc)
            .ThenByDescending(s => s.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(s => new
            {
                s.Id,
                s.Kind,
                s.Status,
                s.Device,
                s.StartedUtc,
                s.EndedUtc,
                SetsDone = db.SessionEvents.Count(e => e.SessionId == s.Id && e.Type == nameof(SetCompleted)),
                StopJson = s.Status == nameof(SessionPhase.StoppedForSafety) ? s.OutcomeJson : null,
            })
            .ToListAsync(cancellationToken);

        var items = rows
            .Select(r => new HistoryItem(
                r.Id,
                r.Kind,
                r.Status,
                r.Device,
                r.StartedUtc,
                r.EndedUtc,
                r.SetsDone,
                r.Status == nameof(SessionPhase.StoppedForSafety),
                r.StopJson is null ? null : StoredJson.Read<SessionOutcome>(r.StopJson).StopReason))
            .ToList();
        return new HistoryPage(items, page, pageSize, total);
    }

    /// <summary>One of the member's sessions with its replayed log and advice; null when there is no such session or it is someone else's.</summary>
    public async Task<HistoryDetail?> DetailAsync(string memberId, Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var header = await db.TrainingSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.MemberId == memberId)
            .Select(s => new { s.Kind, s.Status, s.Device, s.StartedUtc, s.EndedUtc, s.AdviceJson })
            .SingleOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return null;
        }

        var events = await SessionStore.ReadLogAsync(db, sessionId, cancellationToken);
        var advice = header.AdviceJson is null ? [] : StoredJson.Read<List<string>>(header.AdviceJson);
        return new HistoryDetail(
            sessionId, header.Kind, header.Status, header.Device, header.StartedUtc, header.EndedUtc, events, SessionEngine.Replay(events), advice);
    }
}
