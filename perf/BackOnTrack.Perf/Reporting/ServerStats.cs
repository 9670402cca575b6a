using System.Net.Http.Json;

namespace BackOnTrack.Perf.Reporting;

/// <summary>What the app's /_perf/stats says (src/BackOnTrack.Web/Diagnostics/PerfDiagnostics.cs).</summary>
internal sealed record ServerStats(
    long CircuitsOpen, long CircuitsConnected, long CircuitsOpenedSinceStart, long ManagedBytes, long HeapSizeBytes, long TotalAllocatedBytes,
    long WorkingSetBytes, double CpuMilliseconds, int Gen0, int Gen1, int Gen2, int Threads, int ProcessId,
    int ThreadPoolThreads = 0, double JitMilliseconds = 0, long MethodsJitted = 0)
{
    public static async Task<ServerStats?> ReadAsync(HttpClient http, Uri origin, bool collect, CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetFromJsonAsync<ServerStats>(new Uri(origin, "/_perf/stats" + (collect ? "?gc=true" : "")), cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>CPU time of a process from /proc (for the baseline apps, which have no stats endpoint).</summary>
    public static double? ProcCpuMilliseconds(int processId)
    {
        var stat = $"/proc/{processId}/stat";
        if (!File.Exists(stat))
        {
            return null;
        }

        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return ticks * 1000.0 / 100; // USER_HZ is 100 on Linux
    }
}
