using System.Globalization;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;

namespace BackOnTrack.Domain.Trainer;

/// <summary>Why a client is in the trainer's queue, most urgent first (the order of the values is the order of the queue).</summary>
public enum TriageKind
{
    /// <summary>A positive red-flag screen (S8): training is blocked until a trainer clears it.</summary>
    RedFlag,

    /// <summary>A session stopped because something was felt in the spine (S6).</summary>
    SpineStop,

    /// <summary>A session stopped for sharp pain or a pain rating at the stop level (S6, S7).</summary>
    PainStop,

    /// <summary>The back felt worse the day after a session (S9).</summary>
    WorseNextDay,

    /// <summary>Pain ratings in the latest sessions are clearly higher than in the ones before.</summary>
    PainTrendingUp,

    /// <summary>No training for a while, or fewer training days than before and than planned (S10).</summary>
    AdherenceFalling,

    /// <summary>The advisor suggested a step up the member has not answered yet (S4).</summary>
    ReadyToStepUp,
}

/// <summary>
/// What the queue knows about one client. <paramref name="Outcomes"/> are the client's recent ended
/// sessions (any order; a few weeks is enough); <paramref name="HandledFlagKeys"/> are the flags a
/// trainer already marked handled. <paramref name="ClientSince"/> is when the client started (so a new
/// client is not "missing" sessions they never had time to do).
/// </summary>
public sealed record TriageClient(
    string MemberId,
    string Name,
    MemberScreening Screening,
    IReadOnlyList<SessionOutcome> Outcomes,
    IReadOnlyList<NextDayCheck> NextDayChecks,
    IReadOnlyList<Advice> PendingStepUps,
    int TrainingDaysPerWeek,
    DateTimeOffset? ClientSince,
    IReadOnlySet<string> HandledFlagKeys);

/// <summary>One row of the queue: who, why (in words), since when, and the key a "mark handled" is stored under.</summary>
public sealed record TriageItem(string MemberId, string Name, TriageKind Kind, string FlagKey, string Why, DateTimeOffset Since, Guid? SessionId = null)
{
    /// <summary>A red flag is never just "handled": a trainer clears it, with a note, and that unblocks training.</summary>
    public bool CanMarkHandled => Kind != TriageKind.RedFlag;
}

/// <summary>The numbers behind the queue, as data so they can be tuned.</summary>
public sealed record TriageRules
{
    public static TriageRules Default { get; } = new();

    /// <summary>Stops and "worse next day" answers older than this drop out of the queue.</summary>
    public int LookbackDays { get; init; } = 28;

    /// <summary>How many recent rated sessions are compared with as many before them.</summary>
    public int PainTrendSessions { get; init; } = 3;

    /// <summary>How much higher (0–10 scale) the recent average pain must be to count as trending up.</summary>
    public double PainTrendRise { get; init; } = 1.5;

    /// <summary>The recent average must also reach this, so 0 → 1.5 is not an alarm.</summary>
    public double PainTrendFloor { get; init; } = 3;

    /// <summary>Days without a training session before the client shows as missing sessions.</summary>
    public int MissedDays { get; init; } = 8;

    /// <summary>The window (days) compared with the one before it for falling adherence.</summary>
    public int AdherenceWindowDays { get; init; } = 14;
}

/// <summary>
/// The trainer's triage queue: every client's open flags, most urgent kind first, and within a kind the
/// one waiting longest first. Pure: clients, handled flags and the time come in.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The trainer's own word: the triage queue.")]
public static class TriageQueue
{
    /// <param name="library">For exercise names in the reasons; ids are shown when it is not given.</param>
    public static IReadOnlyList<TriageItem> Build(IEnumerable<TriageClient> clients, DateTimeOffset now, TriageRules? rules = null, ExerciseLibrary? library = null)
    {
        rules ??= TriageRules.Default;
        return clients
            .SelectMany(c => ForClient(c, now, rules, library).Where(i => !i.CanMarkHandled || !c.HandledFlagKeys.Contains(i.FlagKey)))
            .OrderBy(i => i.Kind)
            .ThenBy(i => i.Since)
            .ThenBy(i => i.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Every flag of one client, handled or not, in no particular order.</summary>
    public static IEnumerable<TriageItem> ForClient(TriageClient client, DateTimeOffset now, TriageRules rules, ExerciseLibrary? library = null)
    {
        string Name(string exerciseId) => library?.FindExercise(exerciseId)?.Name ?? exerciseId;

        var since = now.AddDays(-rules.LookbackDays);
        var outcomes = client.Outcomes.OrderBy(o => o.StartedAt).ToList();

        if (client.Screening.HasUnclearedRedFlag && client.Screening.AnsweredAt is { } answered)
        {
            var count = client.Screening.LatestResult!.PositiveQuestionIds.Count;
            yield return Item(client, TriageKind.RedFlag, $"redflag:{answered.UtcTicks.ToString(CultureInfo.InvariantCulture)}",
                $"Red-flag screen positive ({Plural(count, "answer", "answers")} \"yes\"). Training is blocked until a trainer clears it.", answered);
        }

        foreach (var stop in outcomes.Where(o => o.StoppedForSafety && o.EndedOrStartedAt >= since))
        {
            var kind = stop.StopReason switch
            {
                StopReason.SpineFelt => TriageKind.SpineStop,
                StopReason.SharpPain or StopReason.PainRating => TriageKind.PainStop,
                _ => (TriageKind?)null,
            };
            if (kind is { } k)
            {
                var exercise = stop.Exercises.FirstOrDefault(e => e.StoppedForSafety);
                var where = exercise is null ? "" : $" during {Name(exercise.ExerciseId)}";
                var what = stop.StopReason switch
                {
                    StopReason.SpineFelt => "felt something in the spine",
                    StopReason.SharpPain => "reported sharp pain",
                    _ => $"rated pain at {exercise?.MaxPain?.ToString(CultureInfo.InvariantCulture) ?? "the stop level"}",
                };
                yield return Item(client, k, $"stop:{stop.SessionId}", $"Stopped a session: {what}{where}.", stop.EndedOrStartedAt, stop.SessionId);
            }
        }

        foreach (var worse in client.NextDayChecks.Where(c => c.Feeling == NextDayFeeling.Worse && c.AnsweredAt >= since))
        {
            yield return Item(client, TriageKind.WorseNextDay, $"worse:{worse.SessionId}",
                "The back felt worse the day after a session.", worse.AnsweredAt, worse.SessionId);
        }

        if (PainTrend(outcomes, rules) is { } trend)
        {
            yield return trend(client);
        }

        if (Adherence(client, outcomes, now, rules) is { } adherence)
        {
            yield return adherence;
        }

        if (client.PendingStepUps.Count > 0)
        {
            var key = "stepup:" + string.Join(';', client.PendingStepUps
                .OrderBy(a => a.ExerciseId, StringComparer.Ordinal)
                .Select(a => $"{a.ExerciseId}={a.Proposed.VariationId}/{a.Proposed.Amount}/{a.Proposed.LoadKg?.ToString(CultureInfo.InvariantCulture) ?? "bw"}"));
            var lastTraining = outcomes.LastOrDefault(o => o.Kind == SessionKind.Training);
            yield return Item(client, TriageKind.ReadyToStepUp, key,
                $"Ready to step up in {string.Join(", ", client.PendingStepUps.Select(a => Name(a.ExerciseId)))} (waiting for the member's yes).",
                lastTraining?.EndedOrStartedAt ?? now);
        }
    }

    private static Func<TriageClient, TriageItem>? PainTrend(List<SessionOutcome> outcomes, TriageRules rules)
    {
        // Stopped sessions have their own rows; the trend is about sessions that went on despite pain.
        var rated = outcomes
            .Where(o => !o.StoppedForSafety)
            .Select(o => (Outcome: o, Pain: o.Exercises.Select(e => e.MaxPain).Max()))
            .Where(x => x.Pain is not null)
            .ToList();
        var n = rules.PainTrendSessions;
        if (rated.Count < n * 2)
        {
            return null;
        }

        var recent = rated.TakeLast(n).ToList();
        var before = rated.SkipLast(n).TakeLast(n).ToList();
        var recentAverage = recent.Average(x => x.Pain!.Value);
        var beforeAverage = before.Average(x => x.Pain!.Value);
        if (recentAverage < beforeAverage + rules.PainTrendRise || recentAverage < rules.PainTrendFloor)
        {
            return null;
        }

        var last = recent[^1].Outcome;
        return client => Item(client, TriageKind.PainTrendingUp, $"pain-trend:{last.SessionId}",
            $"Pain ratings trending up: {Average(recentAverage)} on average in the last {n} sessions, {Average(beforeAverage)} in the {n} before.",
            recent[0].Outcome.EndedOrStartedAt, last.SessionId);
    }

    private static TriageItem? Adherence(TriageClient client, List<SessionOutcome> outcomes, DateTimeOffset now, TriageRules rules)
    {
        if (client.TrainingDaysPerWeek <= 0 || client.ClientSince is not { } clientSince)
        {
            return null;
        }

        var training = outcomes.Where(Regularity.IsTraining).ToList();
        var last = training.LastOrDefault();
        var quietSince = last?.EndedOrStartedAt ?? clientSince;
        var quietDays = (int)(now - quietSince).TotalDays;
        if (quietDays >= rules.MissedDays)
        {
            var key = last is null ? "missed:never" : $"missed:{last.SessionId}";
            var why = last is null
                ? $"No training session yet, {Plural(quietDays, "day", "days")} after starting (plan: {client.TrainingDaysPerWeek} a week)."
                : $"No training for {Plural(quietDays, "day", "days")} (plan: {client.TrainingDaysPerWeek} a week).";
            return Item(client, TriageKind.AdherenceFalling, key, why, quietSince, last?.SessionId);
        }

        var window = rules.AdherenceWindowDays;
        var windowStart = now.AddDays(-window);
        var previousStart = windowStart.AddDays(-window);
        if (clientSince > previousStart)
        {
            return null;
        }

        var recentDays = TrainingDays(training, windowStart, now);
        var previousDays = TrainingDays(training, previousStart, windowStart);
        var planned = client.TrainingDaysPerWeek * window / 7;
        if (recentDays >= previousDays || recentDays >= planned)
        {
            return null;
        }

        var weekKey = DateOnly.FromDateTime(windowStart.UtcDateTime.Date);
        return Item(client, TriageKind.AdherenceFalling, $"adherence:{Regularity.WeekStart(weekKey):yyyy-MM-dd}",
            $"Training less: {Plural(recentDays, "training day", "training days")} in the last {window} days, {previousDays} in the {window} before (plan: {planned}).",
            windowStart);
    }

    private static int TrainingDays(IEnumerable<SessionOutcome> training, DateTimeOffset from, DateTimeOffset to) =>
        training.Where(o => o.StartedAt >= from && o.StartedAt < to).Select(o => DateOnly.FromDateTime(o.StartedAt.UtcDateTime)).Distinct().Count();

    private static TriageItem Item(TriageClient client, TriageKind kind, string key, string why, DateTimeOffset since, Guid? sessionId = null) =>
        new(client.MemberId, client.Name, kind, key, why, since, sessionId);

    private static string Plural(int count, string one, string many) => $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";

    private static string Average(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
