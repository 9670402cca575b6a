using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using BackOnTrack.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace BackOnTrack.Data.Members;

/// <summary>
/// Everything the app holds about one member, for "download my data", and the member's right to be
/// forgotten. Every table keyed to the member is listed here; a test walks the EF model to prove none is missed.
/// </summary>
public sealed class PersonalDataStore(IDbContextFactory<BackOnTrackDbContext> contexts)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Table name → rows (each row a column → value map). Passwords, security stamps and tokens are never exported.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>> TablesAsync(string memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == memberId)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.CreatedUtc, u.AcceptedNoticeUtc, u.LockoutEnd, u.AccessFailedCount })
            .ToListAsync(cancellationToken);
        var roles = await db.UserRoles.AsNoTracking().Where(r => r.UserId == memberId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, Role = r.Name })
            .ToListAsync(cancellationToken);
        var profiles = await db.MemberProfiles.AsNoTracking().Where(p => p.MemberId == memberId).ToListAsync(cancellationToken);
        var screenings = await db.RedFlagScreenings.AsNoTracking().Where(s => s.MemberId == memberId).OrderBy(s => s.TakenUtc).ToListAsync(cancellationToken);
        var sessions = await db.TrainingSessions.AsNoTracking().Where(s => s.MemberId == memberId).OrderBy(s => s.StartedUtc)
            .Select(s => new { s.Id, s.MemberId, s.Kind, s.Status, s.Device, s.StartedUtc, s.EndedUtc, s.LastEventUtc, s.EventCount, s.OutcomeJson, s.AdviceJson })
            .ToListAsync(cancellationToken);
        var events = await db.SessionEvents.AsNoTracking()
            .Where(e => db.TrainingSessions.Any(s => s.Id == e.SessionId && s.MemberId == memberId))
            .OrderBy(e => e.SessionId).ThenBy(e => e.Sequence)
            .Select(e => new { e.SessionId, e.Sequence, e.Type, e.Payload, e.RecordedUtc })
            .ToListAsync(cancellationToken);
        var nextDay = await db.NextDayChecks.AsNoTracking().Where(c => c.MemberId == memberId).OrderBy(c => c.AnsweredUtc).ToListAsync(cancellationToken);
        var links = await db.TrainerClientLinks.AsNoTracking().Where(l => l.MemberId == memberId).OrderBy(l => l.CreatedUtc).ToListAsync(cancellationToken);
        var notes = await db.TrainerNotes.AsNoTracking().Where(n => n.MemberId == memberId && n.VisibleToMember).OrderBy(n => n.CreatedUtc).ToListAsync(cancellationToken);
        var planChanges = await db.PlanChanges.AsNoTracking().Where(c => c.MemberId == memberId).OrderBy(c => c.ChangedUtc).ToListAsync(cancellationToken);
        var flags = await db.FlagsHandled.AsNoTracking().Where(f => f.MemberId == memberId).OrderBy(f => f.HandledUtc).ToListAsync(cancellationToken);
        var reads = await db.ClientLogAudit.AsNoTracking().Where(a => a.MemberId == memberId).OrderBy(a => a.ReadUtc).ToListAsync(cancellationToken);
        var alerts = await db.FloorAlerts.AsNoTracking().Where(a => a.MemberId == memberId).OrderBy(a => a.RaisedUtc).ToListAsync(cancellationToken);
        var invites = await db.TrainerInvites.AsNoTracking().Where(i => i.UsedByMemberId == memberId)
            .Select(i => new { i.TrainerId, i.UsedByMemberId, i.UsedUtc }).ToListAsync(cancellationToken);

        return new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>(StringComparer.Ordinal)
        {
            ["Account"] = Rows(account),
            ["Roles"] = Rows(roles),
            ["MemberProfiles"] = Rows(profiles),
            ["RedFlagScreenings"] = Rows(screenings),
            ["TrainingSessions"] = Rows(sessions),
            ["SessionEvents"] = Rows(events),
            ["NextDayChecks"] = Rows(nextDay),
            ["TrainerClientLinks"] = Rows(links),
            ["TrainerNotes"] = Rows(notes),
            ["PlanChanges"] = Rows(planChanges),
            ["FlagsHandled"] = Rows(flags),
            ["ClientLogAudit"] = Rows(reads),
            ["FloorAlerts"] = Rows(alerts),
            ["TrainerInvites"] = Rows(invites),
        };
    }

    public async Task<byte[]> JsonAsync(string memberId, DateTime exportedUtc, CancellationToken cancellationToken = default)
    {
        var tables = await TablesAsync(memberId, cancellationToken);
        var document = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["exportedUtc"] = exportedUtc,
            ["format"] = "BackOnTrack personal data export, version 1",
            ["tables"] = tables,
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Indented);
    }

    /// <summary>A zip with one CSV file per table (RFC 4180 quoting, UTF-8).</summary>
    public async Task<byte[]> CsvZipAsync(string memberId, CancellationToken cancellationToken = default)
    {
        var tables = await TablesAsync(memberId, cancellationToken);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, rows) in tables)
            {
                var entry = zip.CreateEntry(name + ".csv", CompressionLevel.Optimal);
                await using var writer = new StreamWriter(await entry.OpenAsync(cancellationToken), new UTF8Encoding(false));
                var columns = rows.Count > 0 ? rows[0].Keys.ToList() : [];
                await writer.WriteLineAsync(string.Join(',', columns.Select(Quote)));
                foreach (var row in rows)
                {
                    await writer.WriteLineAsync(string.Join(',', columns.Select(c => Quote(Format(row[c])))));
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Removes the member and every row keyed to them (sessions, events, profile, screens, answers, trainer
    /// links and notes about them, plan changes, handled flags, audit reads, alerts, roles, logins).
    /// A used invite keeps only the fact that it was used.
    /// </summary>
    public async Task<bool> DeleteAsync(string memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.NextDayChecks.Where(c => c.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.TrainerClientLinks.Where(l => l.MemberId == memberId || l.TrainerId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.TrainerNotes.Where(n => n.MemberId == memberId || n.TrainerId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.PlanChanges.Where(c => c.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.FlagsHandled.Where(f => f.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.ClientLogAudit.Where(a => a.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.FloorAlerts.Where(a => a.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.TrainerInvites.Where(i => i.UsedByMemberId == memberId).ExecuteUpdateAsync(set => set.SetProperty(i => i.UsedByMemberId, (string?)null), cancellationToken);
        await db.SessionEvents.Where(e => db.TrainingSessions.Any(s => s.Id == e.SessionId && s.MemberId == memberId)).ExecuteDeleteAsync(cancellationToken);
        await db.TrainingSessions.Where(s => s.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.RedFlagScreenings.Where(s => s.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.MemberProfiles.Where(p => p.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.UserRoles.Where(r => r.UserId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == memberId).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.Users.Where(u => u.Id == memberId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted == 1;
    }

    private static List<IReadOnlyDictionary<string, object?>> Rows<T>(IEnumerable<T> items) =>
        items.Select(item => (IReadOnlyDictionary<string, object?>)typeof(T).GetProperties()
            .Where(p => p.PropertyType.IsValueType || p.PropertyType == typeof(string) || Nullable.GetUnderlyingType(p.PropertyType) is not null)
            .ToDictionary(p => p.Name, p => p.GetValue(item), StringComparer.Ordinal)).ToList();

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
