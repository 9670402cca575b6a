using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace BackOnTrack.Data.Kiosks;

public enum KioskStatus
{
    /// <summary>Created by an admin; its one-time enrolment code has not been used yet.</summary>
    AwaitingEnrolment,

    /// <summary>A tablet holds the device credential.</summary>
    Active,

    Revoked,
}

/// <summary>A kiosk as the admin page and the kiosk screens see it. Never carries a token or its hash.</summary>
public sealed record KioskDevice(Guid Id, string Name, string Location, KioskStatus Status, DateTime CreatedUtc, DateTime? RevokedUtc, DateTime? LastSeenUtc);

/// <summary>What a kiosk sign-in needs to know about the member behind a member code.</summary>
public sealed record KioskMember(string MemberId, string DisplayName, string? PinHash, int PinFailures, DateTime? PinLockedUntilUtc)
{
    public bool IsLockedAt(DateTime nowUtc) => PinLockedUntilUtc is { } until && until > nowUtc;
}

/// <summary>A member's kiosk set-up as their account page shows it.</summary>
public sealed record KioskAccess(string MemberCode, bool HasPin, DateTime? PinLockedUntilUtc);

/// <summary>
/// Kiosk devices (enrol, redeem the one-time code, find by credential, revoke) and members' kiosk
/// credentials (member code, PIN hash, failed-PIN bookkeeping). Tokens and codes are secrets: only their
/// SHA-256 hashes are stored. A kiosk waiting for enrolment stores the hash of its enrolment code with a
/// prefix, so a code can never be mistaken for a device credential and is gone once redeemed.
/// </summary>
public sealed class KioskStore(IDbContextFactory<BackOnTrackDbContext> contexts)
{
    /// <summary>Characters of member codes: capitals and digits without look-alikes (no 0/O, 1/I/L).</summary>
    public const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public const int MemberCodeLength = 6;

    private const string EnrolmentPrefix = "enrol:";

    /// <summary>The stored form of a secret: lowercase hex SHA-256.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Turns what someone typed into the canonical code: capitals, no spaces or dashes.</summary>
    public static string NormalizeCode(string? typed) =>
        new((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    /// <summary>A random code of <paramref name="length"/> characters from <see cref="CodeAlphabet"/>.</summary>
    public static string NewCode(int length) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
            }
        });

    // ---- Devices ----

    /// <summary>Creates a kiosk waiting for a tablet to redeem <paramref name="enrolmentCode"/>.</summary>
    public async Task<KioskDevice> EnrolAsync(string name, string location, string createdByUserId, string enrolmentCode, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = new KioskDeviceRow
        {
            Id = Guid.CreateVersion7(),
            Name = name.Trim(),
            Location = location.Trim(),
            TokenHash = EnrolmentPrefix + Hash(NormalizeCode(enrolmentCode)),
            CreatedByUserId = createdByUserId,
            CreatedUtc = nowUtc,
        };
        db.KioskDevices.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return ToDevice(row);
    }

    /// <summary>
    /// Trades a valid enrolment code (unused, not revoked, issued after <paramref name="issuedAfterUtc"/>) for
    /// the device credential <paramref name="deviceToken"/>. One use only: a second redemption finds nothing.
    /// </summary>
    public async Task<KioskDevice?> RedeemEnrolmentAsync(string enrolmentCode, string deviceToken, DateTime issuedAfterUtc, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var stored = EnrolmentPrefix + Hash(NormalizeCode(enrolmentCode));
        var tokenHash = Hash(deviceToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var candidate = await db.KioskDevices.AsNoTracking()
            .SingleOrDefaultAsync(k => k.TokenHash == stored && k.RevokedUtc == null && k.CreatedUtc > issuedAfterUtc, cancellationToken);
        if (candidate is null)
        {
            return null;
        }

        // Conditional update: of two tablets racing with the same code, only one wins.
        var updated = await db.KioskDevices
            .Where(k => k.Id == candidate.Id && k.TokenHash == stored && k.RevokedUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.TokenHash, tokenHash).SetProperty(k => k.LastSeenUtc, nowUtc), cancellationToken);
        return updated == 1 ? ToDevice(await db.KioskDevices.AsNoTracking().SingleAsync(k => k.Id == candidate.Id, cancellationToken)) : null;
    }

    /// <summary>The active kiosk holding <paramref name="deviceToken"/>; null for an unknown, pending or revoked one.</summary>
    public async Task<KioskDevice?> FindByTokenAsync(string deviceToken, CancellationToken cancellationToken = default)
    {
        var tokenHash = Hash(deviceToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.KioskDevices.AsNoTracking()
            .SingleOrDefaultAsync(k => k.TokenHash == tokenHash && k.RevokedUtc == null, cancellationToken);
        return row is null ? null : ToDevice(row);
    }

    /// <summary>True while the kiosk is enrolled and not revoked (checked by open kiosk screens).</summary>
    public async Task<bool> IsActiveAsync(Guid kioskId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.KioskDevices.AnyAsync(k => k.Id == kioskId && k.RevokedUtc == null && !k.TokenHash.StartsWith(EnrolmentPrefix), cancellationToken);
    }

    public async Task TouchAsync(Guid kioskId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.KioskDevices.Where(k => k.Id == kioskId).ExecuteUpdateAsync(set => set.SetProperty(k => k.LastSeenUtc, nowUtc), cancellationToken);
    }

    /// <summary>Revokes a kiosk: its credential (or pending code) stops working at once. Returns false if already revoked or unknown.</summary>
    public async Task<bool> RevokeAsync(Guid kioskId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.KioskDevices.Where(k => k.Id == kioskId && k.RevokedUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedUtc, nowUtc), cancellationToken) == 1;
    }

    /// <summary>Every kiosk, active ones first, then by name.</summary>
    public async Task<IReadOnlyList<KioskDevice>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.KioskDevices.AsNoTracking().ToListAsync(cancellationToken);
        return rows.Select(ToDevice).OrderBy(k => k.Status == KioskStatus.Revoked).ThenBy(k => k.Name, StringComparer.OrdinalIgnoreCase).ThenBy(k => k.CreatedUtc).ToList();
    }

    public async Task<KioskDevice?> FindAsync(Guid kioskId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.KioskDevices.AsNoTracking().SingleOrDefaultAsync(k => k.Id == kioskId, cancellationToken);
        return row is null ? null : ToDevice(row);
    }

    // ---- Members ----

    /// <summary>
    /// The member's code, assigning a new unique one on first use. Null when the member has no profile yet
    /// (codes belong to members who finished onboarding).
    /// </summary>
    public async Task<KioskAccess?> EnsureMemberCodeAsync(string memberId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var row = await db.MemberProfiles.SingleOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
            if (row is null)
            {
                return null;
            }

            if (row.MemberCode is { } code)
            {
                return new KioskAccess(code, row.PinHash is not null, row.PinLockedUntilUtc);
            }

            row.MemberCode = NewCode(MemberCodeLength);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new KioskAccess(row.MemberCode, row.PinHash is not null, row.PinLockedUntilUtc);
            }
            catch (DbUpdateException)
            {
                // The code was taken (unique index): draw another.
            }
        }

        throw new InvalidOperationException("Could not draw a free member code in ten attempts.");
    }

    /// <summary>The member behind a typed member code (case, spaces and dashes ignored); null when none.</summary>
    public async Task<KioskMember?> FindMemberByCodeAsync(string typedCode, CancellationToken cancellationToken = default)
    {
        var code = NormalizeCode(typedCode);
        if (code.Length != MemberCodeLength)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.MemberProfiles.AsNoTracking()
            .Where(p => p.MemberCode == code)
            .Select(p => new
            {
                p.MemberId,
                p.PinHash,
                p.PinFailures,
                p.PinLockedUntilUtc,
                Name = db.Users.Where(u => u.Id == p.MemberId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : new KioskMember(found.MemberId, found.Name ?? "", found.PinHash, found.PinFailures, found.PinLockedUntilUtc);
    }

    /// <summary>Stores a new PIN hash and clears failures and any lock. False when the member has no profile.</summary>
    public async Task<bool> SetPinHashAsync(string memberId, string pinHash, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MemberProfiles.Where(p => p.MemberId == memberId).ExecuteUpdateAsync(set => set
            .SetProperty(p => p.PinHash, pinHash)
            .SetProperty(p => p.PinFailures, 0)
            .SetProperty(p => p.PinLockedUntilUtc, (DateTime?)null)
            .SetProperty(p => p.UpdatedUtc, nowUtc), cancellationToken) == 1;
    }

    /// <summary>
    /// Counts one wrong PIN for this member only. The <paramref name="maxFailures"/>th failure in a row locks the
    /// member's kiosk sign-in until <paramref name="nowUtc"/> + <paramref name="lockout"/> and starts the count again.
    /// Returns the lock's end when this failure locked it.
    /// </summary>
    public async Task<DateTime?> RecordPinFailureAsync(string memberId, int maxFailures, TimeSpan lockout, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One statement: concurrent failures from two kiosks both count.
        await db.MemberProfiles.Where(p => p.MemberId == memberId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.PinFailures, p => p.PinFailures + 1), cancellationToken);
        var until = nowUtc + lockout;
        var locked = await db.MemberProfiles.Where(p => p.MemberId == memberId && p.PinFailures >= maxFailures)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.PinFailures, 0).SetProperty(p => p.PinLockedUntilUtc, until), cancellationToken);
        return locked == 1 ? until : null;
    }

    /// <summary>A correct PIN: the failure count starts again.</summary>
    public async Task RecordPinSuccessAsync(string memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.MemberProfiles.Where(p => p.MemberId == memberId).ExecuteUpdateAsync(set => set
            .SetProperty(p => p.PinFailures, 0)
            .SetProperty(p => p.PinLockedUntilUtc, (DateTime?)null), cancellationToken);
    }

    private static KioskDevice ToDevice(KioskDeviceRow row) => new(
        row.Id,
        row.Name,
        row.Location,
        row.RevokedUtc is not null ? KioskStatus.Revoked
            : row.TokenHash.StartsWith(EnrolmentPrefix, StringComparison.Ordinal) ? KioskStatus.AwaitingEnrolment
            : KioskStatus.Active,
        row.CreatedUtc,
        row.RevokedUtc,
        row.LastSeenUtc);
}
