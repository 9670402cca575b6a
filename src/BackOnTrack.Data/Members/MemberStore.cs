using BackOnTrack.Data.Sessions;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;
using Microsoft.EntityFrameworkCore;

namespace BackOnTrack.Data.Members;

/// <summary>A member's training set-up as the app reads it.</summary>
public sealed record MemberProfile(string MemberId, string Goal, MemberPlan Plan, bool SoundsMuted, bool VoiceCues, DateTime? OnboardedUtc, string TimeZoneId = "UTC")
{
    /// <summary>Step-ups the advisor suggested, waiting for the member to accept or decline (S4).</summary>
    public IReadOnlyList<Advice> PendingStepUps { get; init; } = [];

    /// <summary>The member's time zone (for "today" and day boundaries); UTC when the stored id is unknown here.</summary>
    public TimeZoneInfo TimeZone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}

/// <summary>Reads and writes members' profiles, plans and red-flag screens. Hand-mapped between rows and domain records.</summary>
public sealed class MemberStore(IDbContextFactory<BackOnTrackDbContext> contexts)
{
    public async Task<MemberProfile?> FindAsync(string memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.MemberProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        return row is null ? null : ToProfile(row);
    }

    /// <summary>Creates or replaces the member's profile at onboarding.</summary>
    public async Task SaveOnboardingAsync(string memberId, string goal, MemberPlan plan, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.MemberProfiles.SingleOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        if (row is null)
        {
            row = new MemberProfileRow { MemberId = memberId };
            db.MemberProfiles.Add(row);
        }

        row.Goal = goal;
        row.PlanJson = StoredJson.Write(plan);
        row.EquipmentJson = StoredJson.Write(plan.Equipment);
        row.OnboardedUtc ??= nowUtc;
        row.UpdatedUtc = nowUtc;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> SavePlanAsync(string memberId, MemberPlan plan, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.MemberProfiles.Where(p => p.MemberId == memberId).ExecuteUpdateAsync(set => set
            .SetProperty(p => p.PlanJson, StoredJson.Write(plan))
            .SetProperty(p => p.EquipmentJson, StoredJson.Write(plan.Equipment))
            .SetProperty(p => p.UpdatedUtc, nowUtc), cancellationToken);
        return updated == 1;
    }

    /// <summary>Saves the plan and the step-ups still waiting for an answer, together.</summary>
    public async Task<bool> SavePlanAsync(string memberId, MemberPlan plan, IReadOnlyList<Advice> pendingStepUps, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.MemberProfiles.Where(p => p.MemberId == memberId).ExecuteUpdateAsync(set => set
            .SetProperty(p => p.PlanJson, StoredJson.Write(plan))
            .SetProperty(p => p.EquipmentJson, StoredJson.Write(plan.Equipment))
            .SetProperty(p => p.PendingStepUpsJson, StoredJson.Write(pendingStepUps))
            .SetProperty(p => p.UpdatedUtc, nowUtc), cancellationToken);
        return updated == 1;
    }

    public async Task SetSoundAsync(string memberId, bool muted, bool voiceCues, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.MemberProfiles.Where(p => p.MemberId == memberId).ExecuteUpdateAsync(set => set
            .SetProperty(p => p.SoundsMuted, muted)
            .SetProperty(p => p.VoiceCues, voiceCues), cancellationToken);
    }

    /// <summary>The latest screen and any clearance of it (S8).</summary>
    public async Task<MemberScreening> ScreeningAsync(string memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = await db.RedFlagScreenings.AsNoTracking()
            .Where(s => s.MemberId == memberId)
            .OrderByDescending(s => s.TakenUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return MemberScreening.NeverScreened;
        }

        var answers = StoredJson.Read<List<RedFlagAnswer>>(latest.AnswersJson);
        var result = RedFlagScreen.Evaluate(answers);
        var takenAt = new DateTimeOffset(DateTime.SpecifyKind(latest.TakenUtc, DateTimeKind.Utc));
        var clearance = latest.ClearedUtc is { } cleared && latest.ClearedByUserId is { } by
            ? new RedFlagClearance(by, latest.ClearNote ?? "", new DateTimeOffset(DateTime.SpecifyKind(cleared, DateTimeKind.Utc)))
            : null;
        return new MemberScreening(result, takenAt, clearance);
    }

    /// <summary>Stores a complete screen. Incomplete answers are the caller's validation problem and are refused here.</summary>
    public async Task<RedFlagResult> RecordScreeningAsync(string memberId, IReadOnlyList<RedFlagAnswer> answers, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var result = RedFlagScreen.Evaluate(answers);
        if (result.Status == RedFlagStatus.Incomplete)
        {
            return result;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.RedFlagScreenings.Add(new RedFlagScreeningRow
        {
            Id = Guid.CreateVersion7(),
            MemberId = memberId,
            TakenUtc = nowUtc,
            AnswersJson = StoredJson.Write(answers),
            Positive = result.Status == RedFlagStatus.Positive,
        });
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>The member's next-day answers (S9), oldest first, at most <paramref name="take"/> of the newest.</summary>
    public async Task<IReadOnlyList<NextDayCheck>> NextDayChecksAsync(string memberId, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.NextDayChecks.AsNoTracking()
            .Where(c => c.MemberId == memberId)
            .OrderByDescending(c => c.AnsweredUtc)
            .Take(take)
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new NextDayCheck(r.SessionId, Enum.Parse<NextDayFeeling>(r.Answer), new DateTimeOffset(DateTime.SpecifyKind(r.AnsweredUtc, DateTimeKind.Utc))))
            .Reverse()
            .ToList();
    }

    /// <summary>Records the answer about one session once; a second answer for the same session is ignored (returns false).</summary>
    public async Task<bool> RecordNextDayCheckAsync(string memberId, Guid sessionId, NextDayFeeling feeling, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owned = await db.TrainingSessions.AnyAsync(s => s.Id == sessionId && s.MemberId == memberId, cancellationToken);
        if (!owned || await db.NextDayChecks.AnyAsync(c => c.SessionId == sessionId, cancellationToken))
        {
            return false;
        }

        db.NextDayChecks.Add(new NextDayCheckRow { SessionId = sessionId, MemberId = memberId, Answer = feeling.ToString(), AnsweredUtc = nowUtc });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Answered from another tab at the same moment: the first answer stands.
            return false;
        }
    }

    public async Task SetTimeZoneAsync(string memberId, string timeZoneId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.MemberProfiles.Where(p => p.MemberId == memberId).ExecuteUpdateAsync(set => set.SetProperty(p => p.TimeZoneId, timeZoneId), cancellationToken);
    }

    private static MemberProfile ToProfile(MemberProfileRow row) =>
        new(row.MemberId, row.Goal, StoredJson.Read<MemberPlan>(row.PlanJson), row.SoundsMuted, row.VoiceCues, row.OnboardedUtc, row.TimeZoneId)
        {
            PendingStepUps = StoredJson.Read<List<Advice>>(row.PendingStepUpsJson),
        };
}
