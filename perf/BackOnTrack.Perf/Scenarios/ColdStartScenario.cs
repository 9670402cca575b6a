using System.Diagnostics;
using System.Net;
using BackOnTrack.Perf.Reporting;

namespace BackOnTrack.Perf.Scenarios;

/// <summary>
/// (4) Cold start: the published app started on an empty data folder — it creates the SQLite file, runs
/// every migration, switches to WAL and seeds the roles — timed from the process start to the first
/// page a visitor gets (<c>GET /</c>, which on a fresh install leads to the one-time setup page). The
/// empty template is timed the same way in the same run, as the baseline. Each run is a new process
/// (and for the app a new folder), stopped by its id.
/// </summary>
internal static class ColdStartScenario
{
    public const string Kind = "cold start → first page (empty data folder)";

    public const string BaselineKind = "baseline: empty template start → first page";

    public static async Task<ScenarioResult> RunAsync(string appDir, string baselineDir, string runDir, Uri origin, int runs, CancellationToken cancellationToken)
    {
        var recorder = new Recorder();
        var data = Path.Combine(runDir, "cold-start-data");
        for (var run = 0; run < runs; run++)
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }

            await TimeAsync(recorder, Kind, Path.Combine(appDir, "BackOnTrack.Web.dll"), runDir, origin, ["--contentRoot", appDir, "--Database:DataDirectory=" + data], cancellationToken);
            recorder.Count("database file created", File.Exists(Path.Combine(data, "backontrack.db")) ? 1 : 0);
            await TimeAsync(recorder, BaselineKind, Path.Combine(baselineDir, "EmptyBlazor.dll"), runDir, origin, ["--contentRoot", baselineDir], cancellationToken);
        }

        return ScenarioResult.From("cold-start", "cold start on an empty data folder", 0, 0, recorder, null, null, null, pageOpens: 0,
            extra: new() { ["runs"] = runs });
    }

    private static async Task TimeAsync(Recorder recorder, string kind, string dll, string runDir, Uri origin, string[] args, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true }) { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        using var server = ServerProcess.Launch("cold-start", dll, runDir, origin, args);
        while (clock.Elapsed < TimeSpan.FromSeconds(30) && !server.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(origin, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK && body.Contains("</html>", StringComparison.OrdinalIgnoreCase))
                {
                    recorder.Add(kind, clock.Elapsed.TotalMilliseconds);
                    await server.StopAsync();
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(10, cancellationToken);
        }

        recorder.Error($"{kind}: " + (server.HasExited ? "the process exited before its first page (see cold-start.log)" : "no first page within 30 s"));
        await server.StopAsync();
    }
}
