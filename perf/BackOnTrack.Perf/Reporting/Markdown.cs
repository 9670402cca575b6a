using System.Globalization;
using System.Text;

namespace BackOnTrack.Perf.Reporting;

/// <summary>The RESULTS.md tables: budgets with verdicts, every interaction kind, and the baselines beside them.</summary>
internal static class Markdown
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(string profile, IReadOnlyList<ScenarioResult> results, IReadOnlyList<WrkResult> wrk,
        IReadOnlyDictionary<string, string> machine, string command, string commit, DateTimeOffset started)
    {
        var md = new StringBuilder();
        md.AppendLine(Invariant, $"### Profile `{profile}` — {started:yyyy-MM-dd HH:mm} UTC, commit `{commit}`");
        md.AppendLine();
        md.AppendLine(Invariant, $"Machine: {machine.GetValueOrDefault("cpu")}, {machine.GetValueOrDefault("cores")} cores, {machine.GetValueOrDefault("memory")}; "
            + $"{machine.GetValueOrDefault("os")}; {machine.GetValueOrDefault("runtime")}; load average at start {machine.GetValueOrDefault("loadAverageAtStart")}.");
        md.AppendLine();
        md.AppendLine(Invariant, $"Command: `{command}`");
        md.AppendLine();

        var baselines = results.Where(r => r.Name.StartsWith("baseline", StringComparison.Ordinal)).ToList();
        md.AppendLine("| scenario | circuits | interaction | n | p50 ms | p95 ms | p99 ms | baseline p50 / p95 ms | ratio p95 | errors |");
        md.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            foreach (var (kind, s) in result.Latencies)
            {
                var baseline = BaselineFor(result, kind, baselines);
                md.AppendLine(Invariant, $"| {result.Name} | {result.Circuits} | {kind} | {s.Count} | {s.P50:0.0} | {s.P95:0.0} | {s.P99:0.0} | "
                    + $"{(baseline is null ? "" : $"{baseline.P50:0.0} / {baseline.P95:0.0}")} | {(baseline is { P95: > 0 } ? $"{s.P95 / baseline.P95:0.0}×" : "")} | {result.ErrorCount} |");
            }
        }

        md.AppendLine();
        md.AppendLine("| scenario | circuits held | server CPU ms / interaction | managed KB / circuit (after full GC) | baseline KB / circuit | ratio | working set MB | writes checked |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var result in results)
        {
            var baseline = baselines.FirstOrDefault(b => b.Circuits == result.Circuits && b != result && !result.Name.StartsWith("baseline", StringComparison.Ordinal));
            var kb = result.ManagedBytesPerCircuit / 1024;
            var baseKb = baseline?.ManagedBytesPerCircuit / 1024;
            md.AppendLine(Invariant, $"| {result.Name} | {result.CircuitsHeld} | {result.ServerCpuMillisecondsPerInteraction:0.00} | {kb:0} | {baseKb:0} | "
                + $"{(kb is { } a && baseKb is > 0 and var b ? $"{a / b:0.0}×" : "")} | {result.WorkingSetBytes / 1024 / 1024:0} | "
                + $"{(result.Integrity is { } i ? $"{(i.Clean ? "clean" : "PROBLEMS")}: {i.SessionsChecked} sessions, {i.EventRows} events, {i.Gaps} gaps, {i.Duplicates} duplicates, {i.Lost} lost" : "")} |");
        }

        if (wrk.Count > 0)
        {
            var plaintext = wrk.FirstOrDefault(w => w.Url.EndsWith("/plaintext", StringComparison.Ordinal));
            md.AppendLine();
            md.AppendLine("| page requests (wrk, 2 threads, 32 connections) | requests/s | p50 | p99 | non-2xx | ratio to Kestrel plaintext |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var w in wrk)
            {
                md.AppendLine(Invariant, $"| {w.Name} | {w.RequestsPerSecond:0} | {w.P50} | {w.P99} | {w.Non2xx} | "
                    + $"{(plaintext is { RequestsPerSecond: > 0 } ? $"{w.RequestsPerSecond / plaintext.RequestsPerSecond:0.00}" : "")} |");
            }
        }

        var errors = results.Where(r => r.ErrorCount > 0).ToList();
        if (errors.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("Errors:");
            foreach (var result in errors)
            {
                foreach (var (error, count) in result.Errors.Take(8))
                {
                    md.AppendLine(Invariant, $"- {result.Name}: {count} × {error.Replace("|", "/", StringComparison.Ordinal)}");
                }
            }
        }

        return md.ToString();
    }

    /// <summary>The baseline row to compare with: same circuit count, page opens with page opens, clicks with clicks.</summary>
    private static LatencySummary? BaselineFor(ScenarioResult result, string kind, IReadOnlyList<ScenarioResult> baselines)
    {
        if (result.Name.StartsWith("baseline", StringComparison.Ordinal))
        {
            return null;
        }

        if (kind == Scenarios.ColdStartScenario.Kind)
        {
            return result.Latencies.GetValueOrDefault(Scenarios.ColdStartScenario.BaselineKind);
        }

        var isOpen = kind.StartsWith("page-open", StringComparison.Ordinal);
        var isClick = kind.StartsWith("click", StringComparison.Ordinal) || kind.StartsWith("write", StringComparison.Ordinal);
        var candidates = result.Name.StartsWith("storm", StringComparison.Ordinal)
            ? baselines.Where(b => b.Name.StartsWith("baseline-storm", StringComparison.Ordinal))
            : baselines.Where(b => b.Circuits == result.Circuits && !b.Name.StartsWith("baseline-storm", StringComparison.Ordinal));
        var baseline = candidates.FirstOrDefault();
        if (baseline is null)
        {
            return null;
        }

        return isOpen ? baseline.Latencies.GetValueOrDefault("page-open→interactive")
            : isClick ? baseline.Latencies.GetValueOrDefault("click → next render (all)")
            : null;
    }
}
