using BackOnTrack.Perf.DataGen;

namespace BackOnTrack.Perf;

internal static class Cli
{
    public static Uri Origin(Options options) => new(options.Text("url", "http://127.0.0.1:5180"));

    public static async Task<Scenarios.Target> TargetAsync(HttpClient http, Options options, int members, CancellationToken cancellationToken)
    {
        var data = Path.GetFullPath(options.Text("data", "perf-data"));
        var emails = Enumerable.Range(1, members).Select(PerfUsers.Member).ToList();
        var cookies = await new Circuits.SignIn(http, Origin(options)).CookiesForAsync(
            emails, PerfUsers.Password, Path.Combine(data, "perf-cookies.json"), options.Int("signin-parallel", 4), Console.Out, cancellationToken);
        return new Scenarios.Target(http, Origin(options), data, emails.Select(e => cookies[e]).ToList(), Console.Out);
    }

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: <datagen|probe|...> [--key value ...]");
            return 2;
        }

        var options = Options.Parse(args.Skip(1));
        // Every run is bounded in time: the smoke profile by 4 minutes, anything else by 40 unless told.
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(options.Int("max-seconds", args[0] == "smoke" ? 240 : 2_400)));
        switch (args[0])
        {
            case "datagen":
                await new DataGenerator(new DataGenOptions(
                    options.Text("data", "perf-data"), options.Int("members", 2_000), options.Int("history-sessions", 1_000),
                    options.Int("sets-per-exercise", 7)), Console.Out).RunAsync(cancel.Token);
                return 0;
            case "signin":
            {
                using var http = Circuits.Http.CreateShared();
                var (cookie, ms) = await new Circuits.SignIn(http, Origin(options)).SignInAsync(options.Text("email", PerfUsers.Member(1)), PerfUsers.Password, cancel.Token);
                Console.WriteLine($"{ms:0} ms");
                Console.WriteLine(cookie);
                return 0;
            }

            case "probe":
            {
                using var http = Circuits.Http.CreateShared();
                var (cookie, _) = await new Circuits.SignIn(http, Origin(options)).SignInAsync(options.Text("email", PerfUsers.Member(1)), PerfUsers.Password, cancel.Token);
                await Scenarios.Probe.RunAsync(Origin(options), cookie, options.Text("path", "/session/start/training"), options.Text("capture", "") is { Length: > 0 } c ? c : null,
                    options.Text("click", "") is { Length: > 0 } k ? k : null, cancel.Token);
                return 0;
            }

            case "smoke":
                return await Suite.RunAsync(Profile.Smoke, options, cancel.Token);
            case "ladder":
                return await Suite.RunAsync(Profile.Ladder, options, cancel.Token);
            case "coldstart":
            {
                var runDir = Path.GetFullPath(options.Text("run-dir", "perf/.out/run"));
                Directory.CreateDirectory(runDir);
                var result = await Scenarios.ColdStartScenario.RunAsync(Path.GetFullPath(options.Text("app", "perf/.out/app")),
                    Path.GetFullPath(options.Text("baseline", "perf/.out/baseline")), runDir, Origin(options), options.Int("runs", 5), cancel.Token);
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(result, Reporting.Report.Json));
                return result.ErrorCount == 0 ? 0 : 1;
            }

            case "storm" or "training":
            {
                using var http = Circuits.Http.CreateShared();
                var circuits = options.Int("circuits", 20);
                var target = await TargetAsync(http, options, circuits, cancel.Token);

                // As in the suite: a few circuits first, so the load client's own JIT is not inside the measured window.
                await Scenarios.SessionScenarios.StormAsync(target with { Log = TextWriter.Null }, Math.Min(5, circuits), TimeSpan.FromMilliseconds(200), cancel.Token);
                if (args[0] == "training" && options.Flag("midway"))
                {
                    var emails = Enumerable.Range(1, circuits).Select(PerfUsers.Member).ToList();
                    Console.WriteLine($"{await MidwaySessions.PrepareAsync(target.DataDirectory, emails, circuits, cancel.Token)} sessions prepared past the warm-up");
                }

                var result = args[0] == "storm"
                    ? await Scenarios.SessionScenarios.StormAsync(target, circuits, TimeSpan.FromMilliseconds(options.Int("spread-ms", 1_000)), cancel.Token)
                    : await Scenarios.SessionScenarios.TrainingAsync(target, circuits, TimeSpan.FromSeconds(options.Int("ramp", 5)),
                        TimeSpan.FromMilliseconds(options.Int("think-ms", 1_000)), TimeSpan.FromSeconds(options.Int("duration", 30)), cancel.Token);
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(result, Reporting.Report.Json));
                return result.ErrorCount == 0 ? 0 : 1;
            }

            default:
                Console.Error.WriteLine($"unknown command {args[0]}");
                return 2;
        }
    }
}

/// <summary>"--key value" pairs.</summary>
internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (key is not null)
                {
                    values[key] = "true";
                }

                key = arg[2..];
            }
            else if (key is not null)
            {
                values[key] = arg;
                key = null;
            }
        }

        if (key is not null)
        {
            values[key] = "true";
        }

        return new Options(values);
    }

    public string Text(string key, string fallback) => values.GetValueOrDefault(key, fallback);

    public int Int(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string key) => values.TryGetValue(key, out var v) && v != "false";
}
