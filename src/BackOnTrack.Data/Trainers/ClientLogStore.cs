using System.Globalization;
using System.Text;
using BackOnTrack.Data.Sessions;
using BackOnTrack.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace BackOnTrack.Data.Trainers;

/// <summary>
/// Which sessions of a client's log to show. <see cref="FromUtc"/> is inclusive, <see cref="ToUtc"/>
/// exclusive; <see cref="ExerciseId"/> keeps sessions in which that exercise was done or stopped;
/// <see cref="OnlyStops"/> keeps sessions stopped for safety.
/// </summary>
public sealed record ClientLogFilter(DateTime? FromUtc = null, DateTime? ToUtc = null, string? ExerciseId = null, bool OnlyStops = false)
{
    public static ClientLogFilter All { get; } = new();
}

/// <summary>
/// One session in a client's log, from its header row only: the stored outcome (every exercise's sets,
/// check-in counts, max pain, form, stop) and the advisor's suggestions. Null outcome while in progress.
/// </summary>
public sealed record ClientLogItem(
    Guid Id, string Kind, string Status, string Device, DateTime StartedUtc, DateTime? EndedUtc, SessionOutcome? Outcome, IReadOnlyList<string> Advice)
{
    public bool StoppedForSafety => Status == nameof(SessionPhase.StoppedForSafety);

    public int SetsDone => Outcome?.Exercises.Sum(e => e.SetsCompleted) ?? 0;
}

public sealed record ClientLogPage(IReadOnlyList<ClientLogItem> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < TotalPages;
}

/// <summary>
/// A client's whole log for their trainer: pages of sessions filtered in the database (header rows and
/// stored outcomes only, so a client with years of daily sessions opens at once), and a streamed CSV of
/// every set, hold, check-in, skip, stop and rating. Every query is filtered by the member's id.
/// Access checks and the read audit are the caller's job (see the web layer's ClientAccess).
/// </summary>
public sealed class ClientLogStore(IDbContextFactory<BackOnTrackDbContext> contexts)
{
    public const int PageSize = 20;

    public async Task<ClientLogPage> PageAsync(string memberId, ClientLogFilter filter, int page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sessions = Filtered(db, memberId, filter);
        var total = await sessions.CountAsync(cancellationToken);
        var lastPage = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, lastPage);

        var rows = await sessions
            .OrderByDescending(s => s.StartedUtc)
            .ThenByDescending(s => s.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(s => new { s.Id, s.Kind, s.Status, s.Device, s.StartedUtc, s.EndedUtc, s.OutcomeJson, s.AdviceJson })
            .ToListAsync(cancellationToken);

        var items = rows.Select(r => new ClientLogItem(
                r.Id, r.Kind, r.Status, r.Device, r.StartedUtc, r.EndedUtc,
                r.OutcomeJson is null ? null : StoredJson.Read<SessionOutcome>(r.OutcomeJson),
                r.AdviceJson is null ? [] : StoredJson.Read<List<string>>(r.AdviceJson)))
            .ToList();
        return new ClientLogPage(items, page, PageSize, total);
    }

    /// <summary>Up to <paramref name="take"/> sessions matching the filter, newest first (for the printable report).</summary>
    public async Task<IReadOnlyList<ClientLogItem>> ListAsync(string memberId, ClientLogFilter filter, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Filtered(db, memberId, filter)
            .OrderByDescending(s => s.StartedUtc)
            .ThenByDescending(s => s.Id)
            .Take(take)
            .Select(s => new { s.Id, s.Kind, s.Status, s.Device, s.StartedUtc, s.EndedUtc, s.OutcomeJson, s.AdviceJson })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ClientLogItem(
                r.Id, r.Kind, r.Status, r.Device, r.StartedUtc, r.EndedUtc,
                r.OutcomeJson is null ? null : StoredJson.Read<SessionOutcome>(r.OutcomeJson),
                r.AdviceJson is null ? [] : StoredJson.Read<List<string>>(r.AdviceJson)))
            .ToList();
    }

    public async Task<int> CountAsync(string memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.TrainingSessions.CountAsync(s => s.MemberId == memberId, cancellationToken);
    }

    /// <summary>The header columns of the CSV export.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        "session_id", "session_started_utc", "session_kind", "session_status", "device", "row", "at_utc",
        "exercise", "variation", "set", "target", "reps", "hold_seconds", "load_kg", "sensation", "pain", "form", "detail",
    ];

    /// <summary>
    /// Writes the client's whole log as CSV (RFC 4180, oldest session first): one row per set with its
    /// check-in, per stretch hold, skip, safety stop, warm-up waiver, session rating and advisor suggestion.
    /// Streams session by session and never holds the whole log in memory.
    /// </summary>
    public async Task WriteCsvAsync(string memberId, TextWriter writer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        string[] types =
        [
            nameof(SessionStarted), nameof(SetCompleted), nameof(CheckInRecorded), nameof(StretchHoldFinished), nameof(StretchSkipped),
            nameof(ExerciseSkipped), nameof(SwitchedToEasierVariation), nameof(SessionStoppedForSafety), nameof(WarmUpWaived), nameof(SessionRated),
        ];
        var sessions = await db.TrainingSessions.AsNoTracking()
            .Where(s => s.MemberId == memberId)
            .OrderBy(s => s.StartedUtc).ThenBy(s => s.Id)
            .Select(s => new CsvSource(s.Id, s.StartedUtc, s.Kind, s.Status, s.Device, s.AdviceJson))
            .ToListAsync(cancellationToken);

        // One prepared command reused per session: each read walks the (SessionId, Sequence) index, in log
        // order, so nothing is sorted and only one session's events are in memory at a time.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"""
            SELECT "Type", "Payload" FROM "SessionEvents"
            WHERE "SessionId" = $session AND "Type" IN ({string.Join(", ", types.Select(t => $"'{t}'"))})
            ORDER BY "Sequence"
            """;
        var session = command.CreateParameter();
        session.ParameterName = "$session";
        command.Parameters.Add(session);
        await command.PrepareAsync(cancellationToken);

        var csv = new CsvSession(writer);
        await writer.WriteLineAsync(string.Join(',', CsvColumns));
        foreach (var source in sessions)
        {
            csv.Begin(source);
            // Stored the way EF Core's SQLite provider stores a Guid: upper-case text.
            session.Value = source.SessionId.ToString().ToUpperInvariant();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    await csv.AddAsync(SessionEventSerializer.Read(reader.GetString(0), reader.GetString(1)));
                }
            }

            await csv.EndSessionAsync();
            await writer.FlushAsync(cancellationToken);
        }

    }

    private static IQueryable<TrainingSessionRow> Filtered(BackOnTrackDbContext db, string memberId, ClientLogFilter filter)
    {
        var sessions = filter.ExerciseId is { Length: > 0 } exerciseId
            // The outcome is JSON in a column: SQLite's json_each finds sessions that did (or stopped in) the exercise.
            ? db.TrainingSessions.FromSql($"""
                SELECT * FROM "TrainingSessions" AS t
                WHERE t."MemberId" = {memberId} AND EXISTS (
                    SELECT 1 FROM json_each(t."OutcomeJson", '$.exercises') AS e
                    WHERE json_extract(e.value, '$.exerciseId') = {exerciseId}
                      AND (json_extract(e.value, '$.setsCompleted') > 0 OR json_extract(e.value, '$.stoppedForSafety') = 1))
                """)
            : db.TrainingSessions;
        sessions = sessions.AsNoTracking().Where(s => s.MemberId == memberId);
        if (filter.FromUtc is { } from)
        {
            sessions = sessions.Where(s => s.StartedUtc >= from);
        }

        if (filter.ToUtc is { } to)
        {
            sessions = sessions.Where(s => s.StartedUtc < to);
        }

        if (filter.OnlyStops)
        {
            sessions = sessions.Where(s => s.Status == nameof(SessionPhase.StoppedForSafety));
        }

        return sessions;
    }

    private sealed record CsvSource(Guid SessionId, DateTime StartedUtc, string Kind, string Status, string Device, string? AdviceJson);

    /// <summary>Turns one session's events into rows; a set waits for its check-in so the two share a row.</summary>
    private sealed class CsvSession(TextWriter writer)
    {
        private readonly StringBuilder _line = new();
        private SessionPlan? _plan;
        private SetCompleted? _pendingSet;

        public CsvSource? Current { get; private set; }

        public void Begin(CsvSource session)
        {
            Current = session;
            _plan = null;
            _pendingSet = null;
        }

        public async Task AddAsync(SessionEvent @event)
        {
            if (@event is not CheckInRecorded)
            {
                await FlushSetAsync();
            }

            switch (@event)
            {
                case SessionStarted started:
                    _plan = started.Plan;
                    break;
                case SetCompleted set:
                    _pendingSet = set;
                    break;
                case CheckInRecorded check when _pendingSet is { } set && set.ExerciseIndex == check.ExerciseIndex && set.SetNumber == check.SetNumber:
                    _pendingSet = null;
                    await WriteSetAsync(set, check);
                    break;
                case CheckInRecorded check:
                    await FlushSetAsync();
                    await RowAsync("check-in", check.At, Exercise(check.ExerciseIndex), Variation(check.ExerciseIndex, check.VariationId), Num(check.SetNumber),
                        "", "", "", "", check.Sensation.ToString(), Num(check.PainRating), check.Form?.ToString() ?? "", "");
                    break;
                case StretchHoldFinished hold:
                    await RowAsync("stretch", hold.At, "", StretchName(hold.StretchId), "", "", "", Num(hold.SecondsHeld), "", "", "", "",
                        hold.Side == StretchSide.Both ? hold.Part.ToString() : $"{hold.Part} ({hold.Side})");
                    break;
                case StretchSkipped skipped:
                    await RowAsync("stretch-skipped", skipped.At, "", StretchName(skipped.StretchId), "", "", "", "", "", "", "", "", skipped.Reason);
                    break;
                case ExerciseSkipped skipped:
                    await RowAsync("exercise-skipped", skipped.At, Exercise(skipped.ExerciseIndex), "", "", "", "", "", "", "", "", "", skipped.Reason);
                    break;
                case SwitchedToEasierVariation eased:
                    await RowAsync("easier-variation", eased.At, Exercise(eased.ExerciseIndex), Variation(eased.ExerciseIndex, eased.ToVariationId), "", "", "", "", "", "", "", "",
                        $"after tightness, from {Variation(eased.ExerciseIndex, eased.FromVariationId)}");
                    break;
                case SessionStoppedForSafety stop:
                    await RowAsync("stop", stop.At, stop.ExerciseIndex is { } i ? Exercise(i) : "", stop.ExerciseIndex is { } j && stop.VariationId is { } v ? Variation(j, v) : "",
                        "", "", "", "", "", stop.Sensation?.ToString() ?? "", Num(stop.PainRating), "", $"{stop.Reason}{(string.IsNullOrWhiteSpace(stop.Note) ? "" : ": " + stop.Note)}");
                    break;
                case WarmUpWaived waived:
                    await RowAsync("warm-up-waived", waived.At, "", "", "", "", "", "", "", "", "", "", waived.Note);
                    break;
                case SessionRated rated:
                    await RowAsync("rating", rated.At, "", "", "", "", "", "", "", "", "", Num(rated.Form), $"effort {Num(rated.Effort)} of 10");
                    break;
            }
        }

        public async Task EndSessionAsync()
        {
            if (Current is null)
            {
                return;
            }

            await FlushSetAsync();
            if (Current.AdviceJson is { } json)
            {
                foreach (var line in StoredJson.Read<List<string>>(json))
                {
                    await RowAsync("advice", null, "", "", "", "", "", "", "", "", "", "", line);
                }
            }

            Current = null;
        }

        private async Task FlushSetAsync()
        {
            if (_pendingSet is { } set)
            {
                _pendingSet = null;
                await WriteSetAsync(set, null);
            }
        }

        private Task WriteSetAsync(SetCompleted set, CheckInRecorded? check)
        {
            var planned = Planned(set.ExerciseIndex, set.VariationId);
            return RowAsync("set", set.At, Exercise(set.ExerciseIndex), Variation(set.ExerciseIndex, set.VariationId), Num(set.SetNumber),
                Num(planned?.Amount), Num(set.RepsDone), Num(set.HoldSecondsDone), planned?.LoadKg?.ToString(CultureInfo.InvariantCulture) ?? "",
                check?.Sensation.ToString() ?? "", Num(check?.PainRating), check?.Form?.ToString() ?? "", "");
        }

        private PlannedVariation? Planned(int exerciseIndex, string variationId)
        {
            if (_plan is null || exerciseIndex < 0 || exerciseIndex >= _plan.Exercises.Count)
            {
                return null;
            }

            var exercise = _plan.Exercises[exerciseIndex];
            return exercise.Variation.VariationId == variationId ? exercise.Variation
                : exercise.Easier?.VariationId == variationId ? exercise.Easier
                : null;
        }

        private string Exercise(int index) =>
            _plan is not null && index >= 0 && index < _plan.Exercises.Count ? _plan.Exercises[index].Name : $"#{index + 1}";

        private string Variation(int exerciseIndex, string variationId) => Planned(exerciseIndex, variationId)?.Name ?? variationId;

        private string StretchName(string stretchId) =>
            _plan?.WarmUp.Concat(_plan.CoolDown).Append(_plan.TightnessStretch).FirstOrDefault(s => s?.StretchId == stretchId)?.Name ?? stretchId;

        private async Task RowAsync(string kind, DateTimeOffset? at, string exercise, string variation, string set, string target, string reps, string hold,
            string load, string sensation, string pain, string form, string detail)
        {
            var s = Current!;
            _line.Clear();
            _line.Append(s.SessionId.ToString()).Append(',')
                .Append(s.StartedUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append(',')
                .Append(s.Kind).Append(',').Append(s.Status).Append(',');
            Field(s.Device).Append(',').Append(kind).Append(',')
                .Append(at?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "").Append(',');
            Field(exercise).Append(',');
            Field(variation).Append(',').Append(set).Append(',').Append(target).Append(',').Append(reps).Append(',').Append(hold).Append(',')
                .Append(load).Append(',').Append(sensation).Append(',').Append(pain).Append(',').Append(form).Append(',');
            Field(detail);
            await writer.WriteLineAsync(_line);
        }

        private StringBuilder Field(string value)
        {
            // Free text could start like a spreadsheet formula: make it plain text.
            if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
            {
                value = "'" + value;
            }

            if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
            {
                return _line.Append(value);
            }

            return _line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        private static string Num(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
    }
}
