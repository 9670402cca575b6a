using BackOnTrack.Data.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BackOnTrack.Data.Trainers;

/// <summary>A member's current trainer, as the member sees it.</summary>
public sealed record TrainerLink(Guid LinkId, string TrainerId, string TrainerName, string MemberId, string MemberName, DateTime SinceUtc);

/// <summary>One of a trainer's clients.</summary>
public sealed record TrainerClient(string MemberId, string Name, string Email, DateTime SinceUtc, string TrainerId);

public sealed record TrainerInvite(string Code, DateTime CreatedUtc, DateTime ExpiresUtc, string? UsedByName, DateTime? UsedUtc);

public enum RedeemResult
{
    Linked,

    /// <summary>No such code, or it expired, or it was used already (one answer for all: codes cannot be probed).</summary>
    InvalidCode,

    /// <summary>The member already has a trainer: end that link first.</summary>
    AlreadyLinked,
}

public sealed record TrainerNote(Guid Id, string TrainerId, string TrainerName, string MemberId, Guid? SessionId, string Text, bool VisibleToMember, DateTime CreatedUtc);

/// <summary>A change to a member's plan by a trainer (what the member is shown before their next session).</summary>
public sealed record PlanChange(
    Guid Id, string MemberId, string ChangedByUserId, string ChangedByName, DateTime ChangedUtc, string Kind, string? ExerciseId,
    string Before, string After, string Reason, DateTime? SeenByMemberUtc);

/// <summary>A warm-up waiver a trainer granted for the member's next session (S1).</summary>
public sealed record WarmUpWaiverGrant(string TrainerId, string TrainerName, string Note, DateTime GrantedUtc);

public sealed record ClientLogRead(string ReaderId, string MemberId, DateTime ReadUtc, string What);

/// <summary>
/// Trainer–client links and invites, trainers' notes, plan changes made by trainers, handled triage flags,
/// the audit of log reads, red-flag clearance and warm-up waivers. Every method takes the member's id
/// and touches only that member's rows.
/// </summary>
public sealed class TrainerStore(IDbContextFactory<BackOnTrackDbContext> contexts)
{
    /// <summary>Invite codes use no look-alike characters (no 0/O, 1/I/L, 5/S, 2/Z, 8/B).</summary>
    public const string CodeAlphabet = "ACDEFGHJKMNPQRTUVWXY34679";
    public const int CodeLength = 8;
    public static readonly TimeSpan InviteLifetime = TimeSpan.FromDays(7);

    // ----- invites and links -----

    public async Task<TrainerInvite> CreateInviteAsync(string trainerId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var row = new TrainerInviteRow { Code = NewCode(), TrainerId = trainerId, CreatedUtc = nowUtc, ExpiresUtc = nowUtc + InviteLifetime };
            db.TrainerInvites.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new TrainerInvite(row.Code, row.CreatedUtc, row.ExpiresUtc, null, null);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // A clash with an existing code (25^8 codes make this rare): draw again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The trainer's invites, newest first.</summary>
    public async Task<IReadOnlyList<TrainerInvite>> InvitesAsync(string trainerId, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.TrainerInvites.AsNoTracking()
            .Where(i => i.TrainerId == trainerId)
            .OrderByDescending(i => i.CreatedUtc)
            .Take(take)
            .Select(i => new TrainerInvite(i.Code, i.CreatedUtc, i.ExpiresUtc,
                db.Users.Where(u => u.Id == i.UsedByMemberId).Select(u => u.DisplayName).FirstOrDefault(), i.UsedUtc))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Uppercases and drops spaces and dashes, so "acdx-4679" and "ACDX4679" are the same code.</summary>
    public static string NormalizeCode(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    /// <summary>Links the member to the code's trainer: the code must exist, be unexpired and unused; it is then used up.</summary>
    public async Task<RedeemResult> RedeemInviteAsync(string memberId, string code, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        code = NormalizeCode(code);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.TrainerClientLinks.AnyAsync(l => l.MemberId == memberId && l.EndedUtc == null, cancellationToken))
        {
            return RedeemResult.AlreadyLinked;
        }

        var invite = await db.TrainerInvites.SingleOrDefaultAsync(i => i.Code == code, cancellationToken);
        if (invite is null || invite.UsedByMemberId is not null || invite.UsedUtc is not null || invite.ExpiresUtc <= nowUtc || invite.TrainerId == memberId)
        {
            return RedeemResult.InvalidCode;
        }

        var used = await db.TrainerInvites.Where(i => i.Code == code && i.UsedUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.UsedUtc, nowUtc).SetProperty(i => i.UsedByMemberId, memberId), cancellationToken);
        if (used != 1)
        {
            return RedeemResult.InvalidCode;
        }

        db.TrainerClientLinks.Add(new TrainerClientLinkRow { Id = Guid.CreateVersion7(), TrainerId = invite.TrainerId, MemberId = memberId, CreatedUtc = nowUtc });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            // Linked from another tab at the same moment: the first link stands, and this code stays unused.
            return RedeemResult.AlreadyLinked;
        }

        await transaction.CommitAsync(cancellationToken);
        return RedeemResult.Linked;
    }

    /// <summary>An admin assigns a member to a trainer: any current link ends, the new one starts.</summary>
    public async Task AssignAsync(string trainerId, string memberId, string assignedByUserId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await db.TrainerClientLinks.Where(l => l.MemberId == memberId && l.EndedUtc == null).ToListAsync(cancellationToken);
        if (current.Count == 1 && current[0].TrainerId == trainerId)
        {
            return;
        }

        foreach (var link in current)
        {
            link.EndedUtc = nowUtc;
            link.EndedByUserId = assignedByUserId;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.TrainerClientLinks.Add(new TrainerClientLinkRow { Id = Guid.CreateVersion7(), TrainerId = trainerId, MemberId = memberId, CreatedUtc = nowUtc });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Ends the member's current link. When <paramref name="trainerId"/> is given, only a link to that trainer ends.</summary>
    public async Task<bool> EndLinkAsync(string memberId, string endedByUserId, DateTime nowUtc, string? trainerId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var links = db.TrainerClientLinks.Where(l => l.MemberId == memberId && l.EndedUtc == null);
        if (trainerId is not null)
        {
            links = links.Where(l => l.TrainerId == trainerId);
        }

        return await links.ExecuteUpdateAsync(set => set.SetProperty(l => l.EndedUtc, nowUtc).SetProperty(l => l.EndedByUserId, endedByUserId), cancellationToken) > 0;
    }

    public async Task<TrainerLink?> CurrentLinkAsync(string memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.TrainerClientLinks.AsNoTracking()
            .Where(l => l.MemberId == memberId && l.EndedUtc == null)
            .Select(l => new TrainerLink(l.Id, l.TrainerId,
                db.Users.Where(u => u.Id == l.TrainerId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                l.MemberId,
                db.Users.Where(u => u.Id == l.MemberId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                l.CreatedUtc))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> IsLinkedAsync(string trainerId, string memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.TrainerClientLinks.AnyAsync(l => l.TrainerId == trainerId && l.MemberId == memberId && l.EndedUtc == null, cancellationToken);
    }

    /// <summary>The trainer's linked clients by name; every linked client when <paramref name="trainerId"/> is null (admins).</summary>
    public async Task<IReadOnlyList<TrainerClient>> ClientsAsync(string? trainerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var links = db.TrainerClientLinks.AsNoTracking().Where(l => l.EndedUtc == null);
        if (trainerId is not null)
        {
            links = links.Where(l => l.TrainerId == trainerId);
        }

        var rows = await links
            .Join(db.Users, l => l.MemberId, u => u.Id, (l, u) => new TrainerClient(l.MemberId, u.DisplayName, u.Email ?? "", l.CreatedUtc, l.TrainerId))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Display name and email of an account (null when there is none).</summary>
    public async Task<(string Name, string Email)?> AccountAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.DisplayName, row.Email ?? "");
    }

    /// <summary>Whether the account exists and has the Member role (admins may read any member).</summary>
    public async Task<bool> IsMemberAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Member), cancellationToken);
    }

    // ----- notes -----

    public async Task<TrainerNote> AddNoteAsync(string trainerId, string memberId, Guid? sessionId, string text, bool visibleToMember, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (sessionId is { } sid && !await db.TrainingSessions.AnyAsync(s => s.Id == sid && s.MemberId == memberId, cancellationToken))
        {
            throw new ArgumentException("The session is not this member's.", nameof(sessionId));
        }

        var row = new TrainerNoteRow
        {
            Id = Guid.CreateVersion7(),
            TrainerId = trainerId,
            MemberId = memberId,
            SessionId = sessionId,
            Text = text.Trim(),
            VisibleToMember = visibleToMember,
            CreatedUtc = nowUtc,
        };
        db.TrainerNotes.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        var name = await db.Users.Where(u => u.Id == trainerId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "";
        return new TrainerNote(row.Id, trainerId, name, memberId, sessionId, row.Text, visibleToMember, nowUtc);
    }

    /// <summary>Notes on the client, newest first: all of them, or only those on one session.</summary>
    public async Task<IReadOnlyList<TrainerNote>> NotesAsync(string memberId, Guid? sessionId = null, bool onlyVisibleToMember = false, int take = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notes = db.TrainerNotes.AsNoTracking().Where(n => n.MemberId == memberId);
        if (sessionId is { } sid)
        {
            notes = notes.Where(n => n.SessionId == sid);
        }

        if (onlyVisibleToMember)
        {
            notes = notes.Where(n => n.VisibleToMember);
        }

        return await notes.OrderByDescending(n => n.CreatedUtc).Take(take)
            .Select(n => new TrainerNote(n.Id, n.TrainerId, db.Users.Where(u => u.Id == n.TrainerId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                n.MemberId, n.SessionId, n.Text, n.VisibleToMember, n.CreatedUtc))
            .ToListAsync(cancellationToken);
    }

    // ----- plan changes -----

    public async Task<Guid> RecordPlanChangeAsync(string memberId, string changedByUserId, string kind, string? exerciseId, string before, string after, string reason, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = new PlanChangeRow
        {
            Id = Guid.CreateVersion7(),
            MemberId = memberId,
            ChangedByUserId = changedByUserId,
            ChangedUtc = nowUtc,
            Kind = kind,
            ExerciseId = exerciseId,
            Before = before,
            After = after,
            Reason = reason.Trim(),
        };
        db.PlanChanges.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row.Id;
    }

    /// <summary>The member's plan changes, newest first; only those not yet seen when <paramref name="unseenOnly"/>.</summary>
    public async Task<IReadOnlyList<PlanChange>> PlanChangesAsync(string memberId, bool unseenOnly = false, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changes = db.PlanChanges.AsNoTracking().Where(c => c.MemberId == memberId);
        if (unseenOnly)
        {
            changes = changes.Where(c => c.SeenByMemberUtc == null);
        }

        return await changes.OrderByDescending(c => c.ChangedUtc).Take(take)
            .Select(c => new PlanChange(c.Id, c.MemberId, c.ChangedByUserId,
                db.Users.Where(u => u.Id == c.ChangedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                c.ChangedUtc, c.Kind, c.ExerciseId, c.Before, c.After, c.Reason, c.SeenByMemberUtc))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> MarkPlanChangesSeenAsync(string memberId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PlanChanges.Where(c => c.MemberId == memberId && c.SeenByMemberUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.SeenByMemberUtc, nowUtc), cancellationToken);
    }

    // ----- warm-up waiver (S1) -----

    public async Task<bool> GrantWarmUpWaiverAsync(string memberId, WarmUpWaiverGrant grant, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = StoredJson.Write(grant);
        return await db.MemberProfiles.Where(p => p.MemberId == memberId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.WarmUpWaiverJson, json), cancellationToken) == 1;
    }

    public async Task<WarmUpWaiverGrant?> WarmUpWaiverAsync(string memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = await db.MemberProfiles.AsNoTracking().Where(p => p.MemberId == memberId).Select(p => p.WarmUpWaiverJson).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : StoredJson.Read<WarmUpWaiverGrant>(json);
    }

    /// <summary>Used up (or withdrawn): the waiver applies to one session only.</summary>
    public async Task ClearWarmUpWaiverAsync(string memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.MemberProfiles.Where(p => p.MemberId == memberId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.WarmUpWaiverJson, (string?)null), cancellationToken);
    }

    // ----- triage flags and red flags -----

    /// <summary>Marks a triage flag handled, with a note. Marking the same flag twice keeps the first.</summary>
    public async Task<bool> MarkHandledAsync(string memberId, string flagKey, string handledByUserId, string note, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.FlagsHandled.AnyAsync(f => f.MemberId == memberId && f.FlagKey == flagKey, cancellationToken))
        {
            return false;
        }

        db.FlagsHandled.Add(new FlagHandledRow
        {
            Id = Guid.CreateVersion7(),
            MemberId = memberId,
            FlagKey = flagKey,
            HandledByUserId = handledByUserId,
            HandledUtc = nowUtc,
            Note = note.Trim(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            return false;
        }
    }

    /// <summary>
    /// Clears the member's latest positive red-flag screen (S8): who, when and the note are kept on the
    /// screen, and the member can train again. False when there is no uncleared positive screen to clear.
    /// </summary>
    public async Task<bool> ClearRedFlagAsync(string memberId, string clearedByUserId, string note, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = await db.RedFlagScreenings.Where(s => s.MemberId == memberId).OrderByDescending(s => s.TakenUtc).FirstOrDefaultAsync(cancellationToken);
        if (latest is not { Positive: true } || (latest.ClearedUtc is { } cleared && cleared >= latest.TakenUtc))
        {
            return false;
        }

        latest.ClearedByUserId = clearedByUserId;
        latest.ClearedUtc = nowUtc < latest.TakenUtc ? latest.TakenUtc : nowUtc;
        latest.ClearNote = note.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    // ----- audit -----

    public async Task AuditReadAsync(string readerId, string memberId, string what, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ClientLogAudit.Add(new ClientLogAuditRow { TrainerId = readerId, MemberId = memberId, What = what, ReadUtc = nowUtc });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Who read this member's log, newest first.</summary>
    public async Task<IReadOnlyList<ClientLogRead>> ReadsAsync(string memberId, int take = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ClientLogAudit.AsNoTracking().Where(a => a.MemberId == memberId)
            .OrderByDescending(a => a.Id).Take(take)
            .Select(a => new ClientLogRead(a.TrainerId, a.MemberId, a.ReadUtc, a.What))
            .ToListAsync(cancellationToken);
    }

    private static string NewCode() =>
        new(System.Security.Cryptography.RandomNumberGenerator.GetItems<char>(CodeAlphabet, CodeLength));
}
