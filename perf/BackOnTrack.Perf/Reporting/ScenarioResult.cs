namespace BackOnTrack.Perf.Reporting;

/// <summary>One scenario's numbers, as written to the JSON report and the RESULTS.md table.</summary>
internal sealed record ScenarioResult
{
    public required string Name { get; init; }

    public required string Title { get; init; }

    public required int Circuits { get; init; }

    public required double Seconds { get; init; }

    public required IReadOnlyDictionary<string, LatencySummary> Latencies { get; init; }

    public required int ErrorCount { get; init; }

    public required IReadOnlyDictionary<string, int> Errors { get; init; }

    public required IReadOnlyDictionary<string, long> Counts { get; init; }

    public required Dictionary<string, object> Extra { get; init; }

    /// <summary>Server CPU time (user + system) over the measured window, divided by the interactions in it.</summary>
    public double? ServerCpuMillisecondsPerInteraction { get; init; }

    public double? ServerCpuMilliseconds { get; init; }

    /// <summary>Time the server's JIT spent compiling (all threads) over the measured window, and the methods it compiled.</summary>
    public double? ServerJitMilliseconds { get; init; }

    public long? ServerMethodsJitted { get; init; }

    public long? CircuitsHeld { get; init; }

    /// <summary>(managed heap after a forced full GC with the circuits held − the same before they opened) / circuits held.</summary>
    public double? ManagedBytesPerCircuit { get; init; }

    public long? WorkingSetBytes { get; init; }

    public ServerStats? MemoryBaseline { get; init; }

    public ServerStats? Held { get; init; }

    public WriteIntegrity? Integrity { get; init; }

    public static ScenarioResult From(string name, string title, int circuits, double seconds, Recorder recorder,
        ServerStats? start, ServerStats? end, ServerStats? held, int pageOpens, Dictionary<string, object> extra)
    {
        var interactions = recorder.Interactions + pageOpens;
        var cpu = start is not null && end is not null ? end.CpuMilliseconds - start.CpuMilliseconds : (double?)null;
        return new ScenarioResult
        {
            Name = name,
            Title = title,
            Circuits = circuits,
            Seconds = Math.Round(seconds, 1),
            Latencies = recorder.Summaries(),
            ErrorCount = recorder.ErrorCount,
            Errors = recorder.Errors,
            Counts = recorder.Counts,
            Extra = extra,
            ServerCpuMilliseconds = cpu is null ? null : Math.Round(cpu.Value),
            ServerCpuMillisecondsPerInteraction = cpu is null || interactions == 0 ? null : Math.Round(cpu.Value / interactions, 2),
            ServerJitMilliseconds = start is null || end is null ? null : Math.Round(end.JitMilliseconds - start.JitMilliseconds),
            ServerMethodsJitted = start is null || end is null ? null : end.MethodsJitted - start.MethodsJitted,
            CircuitsHeld = held?.CircuitsOpen,
            Held = held,
            MemoryBaseline = start,
            WorkingSetBytes = held?.WorkingSetBytes,
        }.WithMemory();
    }

    public ScenarioResult WithMemory()
    {
        if (Held is null || MemoryBaseline is null || Held.CircuitsOpen - MemoryBaseline.CircuitsOpen <= 0)
        {
            return this;
        }

        return this with
        {
            ManagedBytesPerCircuit = Math.Round((double)(Held.ManagedBytes - MemoryBaseline.ManagedBytes) / (Held.CircuitsOpen - MemoryBaseline.CircuitsOpen)),
        };
    }
}
