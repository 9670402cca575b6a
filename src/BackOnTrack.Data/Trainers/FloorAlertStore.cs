using Microsoft.EntityFrameworkCore;

namespace BackOnTrack.Data.Trainers;

public enum FloorAlertKind
{
    CallTrainer,
    SharpPain,
    SpineFelt,
}

/// <summary>A live alert as trainers see it.</summary>
public sealed record FloorAlert(
    Guid Id, FloorAlertKind Kind, string? MemberId, string? MemberName, Guid? SessionId, Guid? KioskId, string Location,
    DateTime RaisedUtc, string? AcknowledgedByUserId, DateTime? AcknowledgedUtc);

/// <summary>Stores floor alerts so an open trainer page that reloads still shows what is unacknowledged.</summary>
public sealed class FloorAlertStore(IDbContextFactory<BackOnTrackDbContext> contexts)
{
    public async Task<FloorAlert> AddAsync(FloorAlertKind kind, string? memberId, Guid? sessionId, Guid? kioskId, string location, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = new FloorAlertRow
        {
            Id = Guid.CreateVersion7(),
            Kind = kind.ToString(),
            MemberId = memberId,
            SessionId = sessionId,
            KioskId = kioskId,
            Location = location,
            RaisedUtc = nowUtc,
        };
        db.FloorAlerts.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        var name = memberId is null ? null : await db.Users.Where(u => u.Id == memberId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        return ToAlert(row, name);
    }

    /// <summary>Unacknowledged alerts, newest first.</summary>
    public async Task<IReadOnlyList<FloorAlert>> OpenAsync(int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.FloorAlerts.AsNoTracking()
            .Where(a => a.AcknowledgedUtc == null)
            .OrderByDescending(a => a.RaisedUtc)
            .Take(take)
            .Select(a => new { Row = a, Name = db.Users.Where(u => u.Id == a.MemberId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => ToAlert(r.Row, r.Name)).ToList();
    }

    public async Task<bool> AcknowledgeAsync(Guid alertId, string userId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.FloorAlerts.Where(a => a.Id == alertId && a.AcknowledgedUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.AcknowledgedUtc, nowUtc).SetProperty(a => a.AcknowledgedByUserId, userId), cancellationToken) == 1;
    }

    private static FloorAlert ToAlert(FloorAlertRow row, string? memberName) =>
        new(row.Id, Enum.Parse<FloorAlertKind>(row.Kind), row.MemberId, memberName, row.SessionId, row.KioskId, row.Location,
            row.RaisedUtc, row.AcknowledgedByUserId, row.AcknowledgedUtc);
}
