using System.Collections.Concurrent;

namespace BackOnTrack.Perf.Reporting;

/// <summary>Latencies per interaction kind and errors per cause, from many virtual users at once.</summary>
internal sealed class Recorder
{
    private readonly ConcurrentDictionary<string, List<double>> _latencies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Add(string kind, double milliseconds)
    {
        var list = _latencies.GetOrAdd(kind, _ => []);
        lock (list)
        {
            list.Add(milliseconds);
        }
    }

    public void Count(string what, long by = 1) => _counts.AddOrUpdate(what, by, (_, v) => v + by);

    public void Error(string cause)
    {
        var key = cause.Length > 160 ? cause[..160] : cause;
        _errors.AddOrUpdate(key, 1, (_, n) => n + 1);
    }

    public int ErrorCount => _errors.Values.Sum();

    /// <summary>Interactions for CPU accounting: not page opens (counted apart) and not the cleanup after the measured window.</summary>
    public long Interactions => _latencies
        .Where(k => !k.Key.StartsWith("page-", StringComparison.Ordinal) && !k.Key.Contains("cleanup", StringComparison.Ordinal)
            && !k.Key.Contains("(all", StringComparison.Ordinal))
        .Sum(k => (long)k.Value.Count);

    public IReadOnlyDictionary<string, int> Errors => new SortedDictionary<string, int>(_errors, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Counts => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, LatencySummary> Summaries()
    {
        var result = new SortedDictionary<string, LatencySummary>(StringComparer.Ordinal);
        foreach (var (kind, list) in _latencies)
        {
            double[] values;
            lock (list)
            {
                values = [.. list];
            }

            result[kind] = LatencySummary.Of(values);
        }

        return result;
    }
}

internal sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static LatencySummary Of(double[] values)
    {
        if (values.Length == 0)
        {
            return new(0, 0, 0, 0, 0, 0);
        }

        Array.Sort(values);
        return new(values.Length, Percentile(values, 0.50), Percentile(values, 0.95), Percentile(values, 0.99), values[^1], Math.Round(values.Average(), 1));
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(double[] sorted, double p) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 1);
}
