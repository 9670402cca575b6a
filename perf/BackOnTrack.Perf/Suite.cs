using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BackOnTrack.Perf.Circuits;
using BackOnTrack.Perf.DataGen;
using BackOnTrack.Perf.Reporting;
using BackOnTrack.Perf.Scenarios;

namespace BackOnTrack.Perf;

internal sealed record Profile(string Name, int Storm, int[] Rungs, TimeSpan Think, TimeSpan Walk, int TrainerOpens, int TrainerPages, int WrkSeconds, int ColdStarts)
{
    public static Profile Smoke { get; } = new("smoke", 20, [10], TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(20), 2, 3, 3, 2);

    public static Profile Ladder { get; } = new("ladder", 50, [100, 500, 1_000, 2_000], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), 5, 10, 10, 5);
}

/// <summary>
/// Runs a profile end to end: starts the app (published build, perf data folder, diagnostics on, short
/// session timings) and the empty-template baseline as child processes on loopback, runs the scenarios,
/// stops both processes, and writes the JSON report and a Markdown table.
/// </summary>
internal static class Suite
{
    private const int AppPort = 5180;
    private const int BaselinePort = 5190;

    public static async Task<int> RunAsync(Profile profile, Options options, CancellationToken cancellationToken)
    {
        var appDir = Path.GetFullPath(options.Text("app", "perf/.out/app"));
        var baselineDir = Path.GetFullPath(options.Text("baseline", "perf/.out/baseline"));
        var data = Path.GetFullPath(options.Text("data", "perf/.out/data"));
        var outJson = options.Text("out", $"perf/results/{profile.Name}.json");
        var runDir = Path.GetFullPath(options.Text("run-dir", "perf/.out/run"));
        Directory.CreateDirectory(runDir);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outJson))!);
        var log = Console.Out;
        var rungs = options.Text("rungs", "") is { Length: > 0 } r ? r.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray() : profile.Rungs;
        var members = Math.Max(profile.Storm, rungs.Max());

        if (!File.Exists(Path.Combine(data, "backontrack.db")))
        {
            await new DataGenerator(new DataGenOptions(data, Math.Max(members, options.Int("members", members)), options.Int("history-sessions", 1_000), 7), log)
                .RunAsync(cancellationToken);
        }

        var started = DateTimeOffset.UtcNow;
        var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken)).Trim() : "";
        using var http = Http.CreateShared();
        var appOrigin = new Uri($"http://127.0.0.1:{AppPort}");
        var baselineOrigin = new Uri($"http://127.0.0.1:{BaselinePort}");
        var results = new List<ScenarioResult>();
        var wrk = new List<WrkResult>();

        // Cold start first, while nothing else runs: new process, empty data folder, to the first page.
        log.WriteLine($"cold start: {profile.ColdStarts} runs on an empty data folder (and the empty template)");
        results.Add(await ColdStartScenario.RunAsync(appDir, baselineDir, runDir, appOrigin, profile.ColdStarts, cancellationToken));
        Print(results[^1], log);

        using (var app = await ServerProcess.StartAsync("app", Path.Combine(appDir, "BackOnTrack.Web.dll"), runDir, appOrigin,
            [
                "--contentRoot", appDir, "--Database:DataDirectory=" + data, "--PerfDiagnostics:Enabled=true",
                "--SignInRateLimit:PermitsPerMinute=10000", "--SessionTimings:GetReadySeconds=0", "--SessionTimings:SwitchSidesSeconds=0",
                "--SessionTimings:StretchHoldSecondsOverride=1", "--SessionTimings:ExerciseHoldSecondsOverride=1", "--SessionTimings:RestSecondsOverride=1",
                .. options.Text("app-args", "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
            ], cancellationToken))
        {
            var emails = Enumerable.Range(1, members).Select(PerfUsers.Member).Append(PerfUsers.ClientEmail).Append(PerfUsers.TrainerEmail).ToList();
            var cookies = await new SignIn(http, appOrigin).CookiesForAsync(emails, PerfUsers.Password, Path.Combine(data, "perf-cookies.json"),
                options.Int("signin-parallel", 4), log, cancellationToken);
            var target = new Target(http, appOrigin, data, emails.SkipLast(2).Select(e => cookies[e]).ToList(), log);

            // Warm-up: JIT and caches, so the first measured storm is not a cold start.
            log.WriteLine("warm-up...");
            await SessionScenarios.StormAsync(target with { Log = TextWriter.Null }, Math.Min(5, members), TimeSpan.FromMilliseconds(200), cancellationToken);

            log.WriteLine($"storm: {profile.Storm} members within 1 s");
            results.Add(await SessionScenarios.StormAsync(target, profile.Storm, TimeSpan.FromSeconds(1), cancellationToken));
            Print(results[^1], log);

            foreach (var circuits in rungs)
            {
                var midway = await MidwaySessions.PrepareAsync(data, emails.Take(circuits).ToList(), circuits, cancellationToken);
                log.WriteLine($"training: {circuits} circuits ({midway} resuming sessions already past the warm-up), think {profile.Think.TotalSeconds} s, {profile.Walk.TotalSeconds} s");
                var ramp = TimeSpan.FromSeconds(Math.Max(2, circuits / 40.0));
                results.Add(await SessionScenarios.TrainingAsync(target, circuits, ramp, profile.Think, profile.Walk, cancellationToken));
                Print(results[^1], log);
            }

            log.WriteLine("trainer log");
            results.Add(await TrainerScenario.RunAsync(target, cookies[PerfUsers.TrainerEmail], cookies[PerfUsers.ClientEmail], profile.TrainerOpens, profile.TrainerPages, cancellationToken));
            Print(results[^1], log);

            var home = await Wrk.RunAsync("BackOnTrack member home page (GET /, signed in)", new Uri(appOrigin, "/"), target.Cookies[0], profile.WrkSeconds, 32, cancellationToken);
            if (home is not null)
            {
                wrk.Add(home);
            }

            await app.StopAsync();
        }

        using (var baseline = await ServerProcess.StartAsync("baseline", Path.Combine(baselineDir, "EmptyBlazor.dll"), runDir, baselineOrigin,
            ["--contentRoot", baselineDir], cancellationToken))
        {
            await BaselineScenarios.RunAsync(http, baselineOrigin, 5, TimeSpan.FromMilliseconds(200), profile.Think, TimeSpan.FromSeconds(2), cancellationToken);
            log.WriteLine($"baseline storm: {profile.Storm} circuits within 1 s");
            results.Add(await BaselineScenarios.RunAsync(http, baselineOrigin, profile.Storm, TimeSpan.FromSeconds(1), profile.Think, TimeSpan.FromSeconds(5), cancellationToken)
                with { Name = $"baseline-storm-{profile.Storm}" });
            Print(results[^1], log);
            foreach (var circuits in rungs)
            {
                var ramp = TimeSpan.FromSeconds(Math.Max(2, circuits / 40.0));
                log.WriteLine($"baseline: {circuits} circuits clicking the counter");
                results.Add(await BaselineScenarios.RunAsync(http, baselineOrigin, circuits, ramp, profile.Think, profile.Walk, cancellationToken));
                Print(results[^1], log);
            }

            foreach (var (name, path) in new[] { ("Kestrel plaintext (baseline app, GET /plaintext)", "/plaintext"), ("empty Blazor template page (GET /)", "/") })
            {
                if (await Wrk.RunAsync(name, new Uri(baselineOrigin, path), null, profile.WrkSeconds, 32, cancellationToken) is { } w)
                {
                    wrk.Add(w);
                }
            }

            await baseline.StopAsync();
        }

        var report = new
        {
            profile = profile.Name,
            rungs,
            started,
            finished = DateTimeOffset.UtcNow,
            command = "BackOnTrack.Perf " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
            machine = Machine(load),
            commit = Git("rev-parse", "--short", "HEAD"),
            results,
            wrk,
            unknownJsCalls = CircuitClient.UnknownJsCalls.Order(StringComparer.Ordinal).ToList(),
        };
        await File.WriteAllTextAsync(outJson, JsonSerializer.Serialize(report, Report.Json), cancellationToken);
        var markdown = Markdown.Write(profile.Name, results, wrk, (Dictionary<string, string>)report.machine, report.command, report.commit, started);
        await File.WriteAllTextAsync(Path.ChangeExtension(outJson, ".md"), markdown, cancellationToken);
        log.WriteLine(markdown);
        log.WriteLine($"wrote {outJson} and {Path.ChangeExtension(outJson, ".md")}");
        return results.Sum(x => x.ErrorCount) == 0 && results.All(x => x.Integrity?.Clean ?? true) ? 0 : 1;
    }

    private static void Print(ScenarioResult result, TextWriter log)
    {
        foreach (var (kind, s) in result.Latencies)
        {
            log.WriteLine($"  {kind,-45} n={s.Count,6} p50={s.P50,8:0.0} p95={s.P95,8:0.0} p99={s.P99,8:0.0} ms");
        }

        log.WriteLine($"  errors {result.ErrorCount}; cpu/interaction {result.ServerCpuMillisecondsPerInteraction} ms; memory/circuit {result.ManagedBytesPerCircuit / 1024:0} KB; held {result.CircuitsHeld}"
            + (result.Integrity is { } i ? $"; integrity {(i.Clean ? "clean" : "PROBLEMS")} ({i.SessionsChecked} sessions, {i.EventRows} events)" : ""));
        foreach (var (error, count) in result.Errors.Take(5))
        {
            log.WriteLine($"    {count} × {error}");
        }
    }

    private static Dictionary<string, string> Machine(string load)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? ""
            : "";
        var memory = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim() : "";
        return new()
        {
            ["cpu"] = cpu,
            ["cores"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            ["memory"] = memory,
            ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            ["loadAverageAtStart"] = load,
        };
    }

    private static string Git(params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
            args.ToList().ForEach(start.ArgumentList.Add);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }
}

/// <summary>A server started by the suite: its own process, stopped by its id.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public static async Task<ServerProcess> StartAsync(string name, string dll, string runDir, Uri origin, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var server = Launch(name, dll, runDir, origin, args);
        var process = server._process;
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}; see {name}.log in the run folder.");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri(origin, "/_perf/stats"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    Console.WriteLine($"{name} up (pid {process.Id}) after {clock.Elapsed.TotalSeconds:0.0} s");
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(250, cancellationToken);
        }

        server.Dispose();
        throw new TimeoutException($"{name} did not answer within 90 s.");
    }

    /// <summary>Starts the process and returns at once (the cold-start scenario times the wait itself).</summary>
    public static ServerProcess Launch(string name, string dll, string runDir, Uri origin, IReadOnlyList<string> args)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} not found: run perf/build.sh first.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = runDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(origin.ToString().TrimEnd('/'));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        var logFile = new StreamWriter(Path.Combine(runDir, name + ".log"), append: false) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (logFile) { logFile.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (logFile) { logFile.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process);
    }

    public bool HasExited => _process.HasExited;

    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
