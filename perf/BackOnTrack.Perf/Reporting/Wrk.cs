using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BackOnTrack.Perf.Reporting;

internal sealed record WrkResult(string Name, string Url, double RequestsPerSecond, string P50, string P99, long Non2xx, string Command);

/// <summary>Page-request throughput with wrk (bounded: a few seconds, loopback only).</summary>
internal static partial class Wrk
{
    public static async Task<WrkResult?> RunAsync(string name, Uri url, string? cookie, int seconds, int connections, CancellationToken cancellationToken)
    {
        if (!url.IsLoopback)
        {
            throw new ArgumentException("wrk runs against loopback only.", nameof(url));
        }

        var arguments = new List<string> { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency" };
        if (cookie is not null)
        {
            arguments.AddRange(["-H", "Cookie: " + cookie]);
        }

        arguments.Add(url.ToString());
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ForEach(start.ArgumentList.Add);
        try
        {
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var rps = RpsPattern().Match(output);
            var non2xx = Non2xxPattern().Match(output);
            return new WrkResult(name, url.ToString(),
                rps.Success ? double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
                Percentile(output, "50%"), Percentile(output, "99%"),
                non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
                $"wrk -t2 -c{connections} -d{seconds}s --latency{(cookie is null ? "" : " -H 'Cookie: …'")} {url}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // wrk is not installed
        }
    }

    private static string Percentile(string output, string label) =>
        Regex.Match(output, $@"^\s*{Regex.Escape(label)}\s+(\S+)", RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value : "";

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RpsPattern();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxPattern();
}
