using System.Diagnostics;
using BackOnTrack.Perf.Reporting;

namespace BackOnTrack.Perf.Scenarios;

/// <summary>Where the load goes and who it signs in as.</summary>
internal sealed record Target(HttpClient Http, Uri Origin, string DataDirectory, IReadOnlyList<string> Cookies, TextWriter Log);

/// <summary>The member-side scenarios: the kiosk morning storm and steady training (also the ladder's rungs).</summary>
internal static class SessionScenarios
{
    /// <summary>
    /// (1) Kiosk morning storm: <paramref name="circuits"/> members open the session start page within
    /// <paramref name="spread"/>; each is timed from its page request to the render batch that shows the
    /// player. The circuits are then held idle to weigh them, and the sessions are ended from the STOP panel.
    /// </summary>
    public static async Task<ScenarioResult> StormAsync(Target target, int circuits, TimeSpan spread, CancellationToken cancellationToken)
    {
        var recorder = new Recorder();
        var random = new Random(1);
        var members = Enumerable.Range(0, circuits)
            .Select(i => new VirtualMember(target.Http, target.Origin, target.Cookies[i], recorder, new Random(i), TimeSpan.Zero)).ToList();
        var before = await ServerStats.ReadAsync(target.Http, target.Origin, collect: true, cancellationToken);
        var clock = Stopwatch.StartNew();
        var offsets = members.Select(_ => TimeSpan.FromMilliseconds(random.NextDouble() * spread.TotalMilliseconds)).ToList();
        await Task.WhenAll(members.Select(async (member, i) =>
        {
            await Task.Delay(offsets[i], cancellationToken);
            try
            {
                recorder.Add("page-open→interactive", await member.OpenAsync(cancellationToken));
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or Microsoft.AspNetCore.SignalR.HubException or IOException)
            {
                recorder.Error($"open: {ex.GetType().Name}: {ex.Message}");
            }
        }));
        var openSeconds = clock.Elapsed.TotalSeconds;
        var afterOpen = await ServerStats.ReadAsync(target.Http, target.Origin, collect: false, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var held = await ServerStats.ReadAsync(target.Http, target.Origin, collect: true, cancellationToken);

        await ForEachAsync(members, 32, async member =>
        {
            try
            {
                await member.AbandonAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or Microsoft.AspNetCore.SignalR.HubException)
            {
                recorder.Error($"cleanup: {ex.Message}");
            }

            await member.CloseAsync();
        });

        return ScenarioResult.From($"storm-{circuits}", "kiosk morning storm", circuits, openSeconds, recorder, before, afterOpen, held,
            pageOpens: circuits, extra: new() { ["spreadMilliseconds"] = spread.TotalMilliseconds });
    }

    /// <summary>
    /// (2) Steady training: <paramref name="circuits"/> members open their sessions over <paramref name="ramp"/>,
    /// then walk them with <paramref name="think"/> (±50 %) between actions for <paramref name="duration"/>;
    /// afterwards the database is checked for lost or duplicate writes.
    /// </summary>
    public static async Task<ScenarioResult> TrainingAsync(Target target, int circuits, TimeSpan ramp, TimeSpan think, TimeSpan duration, CancellationToken cancellationToken)
    {
        var recorder = new Recorder();
        var members = Enumerable.Range(0, circuits)
            .Select(i => new VirtualMember(target.Http, target.Origin, target.Cookies[i], recorder, new Random(1_000 + i), think)).ToList();
        var before = await ServerStats.ReadAsync(target.Http, target.Origin, collect: true, cancellationToken);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(members.Select(async (member, i) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(ramp.TotalMilliseconds * i / Math.Max(1, circuits)), cancellationToken);
            try
            {
                recorder.Add("page-open→interactive (ramp)", await member.OpenAsync(cancellationToken));
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or Microsoft.AspNetCore.SignalR.HubException or IOException)
            {
                recorder.Error($"open: {ex.GetType().Name}: {ex.Message}");
            }
        }));
        var rampSeconds = clock.Elapsed.TotalSeconds;
        target.Log.WriteLine($"  {circuits} circuits open after {rampSeconds:0.0} s; walking for {duration.TotalSeconds:0} s");

        var walkingFrom = await ServerStats.ReadAsync(target.Http, target.Origin, collect: false, cancellationToken);
        var interactionsBefore = recorder.Interactions;
        var until = DateTimeOffset.UtcNow + duration;
        await Task.WhenAll(members.Select(m => m.WalkAsync(until, cancellationToken)));
        var walkingTo = await ServerStats.ReadAsync(target.Http, target.Origin, collect: false, cancellationToken);
        var held = await ServerStats.ReadAsync(target.Http, target.Origin, collect: true, cancellationToken);
        var walkInteractions = recorder.Interactions - interactionsBefore;

        var sessions = members.SelectMany(m => m.SessionsSeen).ToDictionary(kv => kv.Key, kv => kv.Value);
        await ForEachAsync(members, 32, async member =>
        {
            try
            {
                await member.AbandonAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or Microsoft.AspNetCore.SignalR.HubException)
            {
                recorder.Error($"cleanup: {ex.Message}");
            }

            await member.CloseAsync();
        });

        var integrity = WriteIntegrity.Check(target.DataDirectory, sessions);
        var result = ScenarioResult.From($"training-{circuits}", "steady training", circuits, duration.TotalSeconds, recorder, walkingFrom, walkingTo, held,
            pageOpens: 0, extra: new()
            {
                ["thinkMilliseconds"] = think.TotalMilliseconds,
                ["rampSeconds"] = Math.Round(rampSeconds, 1),
                ["sessionsCompleted"] = members.Sum(m => m.SessionsCompleted),
                ["interactionsWhileWalking"] = walkInteractions,
                ["interactionsPerSecond"] = Math.Round(walkInteractions / duration.TotalSeconds, 1),
            });
        return (result with { MemoryBaseline = before, Integrity = integrity }).WithMemory();
    }

    private static async Task ForEachAsync<T>(IEnumerable<T> items, int parallel, Func<T, Task> body) =>
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (item, _) => await body(item));
}
