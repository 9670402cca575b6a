using System.Diagnostics;
using BackOnTrack.Perf.Circuits;
using BackOnTrack.Perf.Reporting;

namespace BackOnTrack.Perf.Scenarios;

/// <summary>
/// The same load on the empty Blazor template (perf/baseline/EmptyBlazor: globally interactive, no
/// prerendering, plus the template's counter): circuits open "/" within the spread, are timed to the
/// render that shows the counter, then click it with the same think time, and are weighed the same way.
/// </summary>
internal static class BaselineScenarios
{
    public static async Task<ScenarioResult> RunAsync(HttpClient http, Uri origin, int circuits, TimeSpan spread, TimeSpan think, TimeSpan duration, CancellationToken cancellationToken)
    {
        var recorder = new Recorder();
        var random = new Random(3);
        var before = await ServerStats.ReadAsync(http, origin, collect: true, cancellationToken);
        var clients = Enumerable.Range(0, circuits).Select(_ => new CircuitClient(http, origin, "")).ToList();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async (client, i) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(spread.TotalMilliseconds * i / Math.Max(1, circuits)), cancellationToken);
            try
            {
                var started = Stopwatch.GetTimestamp();
                await client.StartAsync("/", cancellationToken);
                var at = await client.WaitForAsync(t => t.ByTestId("increment") is not null, TimeSpan.FromSeconds(30), cancellationToken);
                recorder.Add("page-open→interactive", Stopwatch.GetElapsedTime(started, at).TotalMilliseconds);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or Microsoft.AspNetCore.SignalR.HubException or IOException)
            {
                recorder.Error($"open: {ex.GetType().Name}: {ex.Message}");
            }
        }));
        var openSeconds = clock.Elapsed.TotalSeconds;
        var walkingFrom = await ServerStats.ReadAsync(http, origin, collect: false, cancellationToken);
        var until = DateTimeOffset.UtcNow + duration;
        await Task.WhenAll(clients.Select(async (client, i) =>
        {
            var jitter = new Random(i);
            while (DateTimeOffset.UtcNow < until && client.Error is null)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(think.TotalMilliseconds * (0.5 + jitter.NextDouble())), cancellationToken);
                try
                {
                    var button = client.Read(t => t.ByTestId("increment")) ?? throw new InvalidOperationException("No counter button.");
                    var (sentAt, batches, completion) = await client.DispatchAsync(button, "click", CircuitClient.Click, null, cancellationToken);
                    var next = await client.WaitForAsync(t => t.BatchesApplied > batches, TimeSpan.FromSeconds(30), cancellationToken);
                    recorder.Add("click → next render (all)", Stopwatch.GetElapsedTime(sentAt, next).TotalMilliseconds);
                    recorder.Add("click: counter", Stopwatch.GetElapsedTime(sentAt, next).TotalMilliseconds);
                    await completion.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
                }
                catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or Microsoft.AspNetCore.SignalR.HubException)
                {
                    recorder.Error($"click: {ex.GetType().Name}: {ex.Message}");
                    break;
                }
            }
        }));
        var walkingTo = await ServerStats.ReadAsync(http, origin, collect: false, cancellationToken);
        var held = await ServerStats.ReadAsync(http, origin, collect: true, cancellationToken);
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        var result = ScenarioResult.From($"baseline-{circuits}", "empty Blazor template", circuits, openSeconds, recorder, walkingFrom, walkingTo, held, 0,
            new() { ["thinkMilliseconds"] = think.TotalMilliseconds });
        return (result with { MemoryBaseline = before }).WithMemory();
    }
}
