using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Domain.Trainer;
using Microsoft.EntityFrameworkCore;

namespace BackOnTrack.Data.Trainers;

/// <summary>A session under way right now (not ended), for the trainer's floor view.</summary>
public sealed record LiveSession(Guid SessionId, string MemberId, string MemberName, string Kind, string Device, DateTime StartedUtc, DateTime LastEventUtc, int EventCount);

/// <summary>
/// Reads what the trainer's dashboard needs for a set of clients in a handful of queries (not one per
/// client): each client's latest screen, recent outcomes, next-day answers, pending step-ups and handled
/// flags for the triage queue, and the sessions under way for the floor view.
/// </summary>
public sealed class TriageStore(IDbContextFactory<BackOnTrackDbContext> contexts)
{
    /// <summary>The queue looks this far back (stops, worse days, pain trends, adherence).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(42);

    public async Task<IReadOnlyList<TriageClient>> ClientsAsync(IReadOnlyCollection<string> memberIds, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        if (memberIds.Count == 0)
        {
            return [];
        }

        var since = nowUtc - Window;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var profiles = await db.MemberProfiles.AsNoTracking().Where(p => memberIds.Contains(p.MemberId))
            .Select(p => new { p.MemberId, p.PlanJson, p.PendingStepUpsJson, p.OnboardedUtc })
            .ToDictionaryAsync(p => p.MemberId, cancellationToken);
        // Members answer the screen rarely (onboarding, new symptoms): reading every row and keeping the latest is cheap.
        var screens = (await db.RedFlagScreenings.AsNoTracking().Where(s => memberIds.Contains(s.MemberId)).ToListAsync(cancellationToken))
            .GroupBy(s => s.MemberId)
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.TakenUtc)!);
        var outcomes = (await db.TrainingSessions.AsNoTracking()
                .Where(s => memberIds.Contains(s.MemberId) && s.EndedUtc != null && s.OutcomeJson != null && s.StartedUtc >= since)
                .Select(s => new { s.MemberId, s.OutcomeJson })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.MemberId, s => StoredJson.Read<SessionOutcome>(s.OutcomeJson!));
        var checks = (await db.NextDayChecks.AsNoTracking().Where(c => memberIds.Contains(c.MemberId) && c.AnsweredUtc >= since)
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.MemberId, c => new NextDayCheck(c.SessionId, Enum.Parse<NextDayFeeling>(c.Answer), Utc(c.AnsweredUtc)));
        var handled = (await db.FlagsHandled.AsNoTracking().Where(f => memberIds.Contains(f.MemberId)).Select(f => new { f.MemberId, f.FlagKey }).ToListAsync(cancellationToken))
            .ToLookup(f => f.MemberId, f => f.FlagKey);

        return memberIds.Distinct().Select(id =>
        {
            profiles.TryGetValue(id, out var profile);
            var plan = profile is null ? null : StoredJson.Read<MemberPlan>(profile.PlanJson);
            return new TriageClient(
                id,
                names.GetValueOrDefault(id) ?? "",
                screens.TryGetValue(id, out var screen) ? ToScreening(screen) : MemberScreening.NeverScreened,
                outcomes[id].ToList(),
                checks[id].ToList(),
                profile is null ? [] : StoredJson.Read<List<Advice>>(profile.PendingStepUpsJson),
                plan?.TrainingDaysPerWeek ?? 0,
                profile?.OnboardedUtc is { } onboarded ? Utc(onboarded) : null,
                handled[id].ToHashSet(StringComparer.Ordinal));
        }).ToList();
    }

    /// <summary>Sessions of these members that have not ended and moved within <paramref name="activeWithin"/>; every member's when <paramref name="memberIds"/> is null.</summary>
    public async Task<IReadOnlyList<LiveSession>> LiveSessionsAsync(IReadOnlyCollection<string>? memberIds, DateTime nowUtc, TimeSpan activeWithin, CancellationToken cancellationToken = default)
    {
        var since = nowUtc - activeWithin;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sessions = db.TrainingSessions.AsNoTracking().Where(s => s.EndedUtc == null && s.LastEventUtc >= since);
        if (memberIds is not null)
        {
            sessions = sessions.Where(s => memberIds.Contains(s.MemberId));
        }

        return await sessions
            .OrderByDescending(s => s.LastEventUtc)
            .Select(s => new LiveSession(s.Id, s.MemberId, db.Users.Where(u => u.Id == s.MemberId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                s.Kind, s.Device, s.StartedUtc, s.LastEventUtc, s.EventCount))
            .ToListAsync(cancellationToken);
    }

    private static MemberScreening ToScreening(Members.RedFlagScreeningRow row)
    {
        var result = RedFlagScreen.Evaluate(StoredJson.Read<List<RedFlagAnswer>>(row.AnswersJson));
        var clearance = row.ClearedUtc is { } cleared && row.ClearedByUserId is { } by
            ? new RedFlagClearance(by, row.ClearNote ?? "", Utc(cleared))
            : null;
        return new MemberScreening(result, Utc(row.TakenUtc), clearance);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
