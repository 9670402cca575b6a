using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BackOnTrack.Web.Diagnostics;

/// <summary>
/// Numbers for the load harness in <c>perf/</c>: open circuits, CPU time, and managed memory after a
/// forced full GC, at <c>GET /_perf/stats</c> (add <c>?gc=true</c> to collect first). Off unless
/// <c>PerfDiagnostics:Enabled</c> is true, and even then it answers only loopback callers. It sits in
/// front of the whole pipeline, so it adds no endpoint, route or policy to the app when disabled.
/// </summary>
public static class PerfDiagnostics
{
    public const string Path = "/_perf/stats";

    public static IServiceCollection AddPerfDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue("PerfDiagnostics:Enabled", false))
        {
            return services;
        }

        services.AddSingleton<CircuitCounts>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CountingCircuitHandler>());
        services.AddTransient<IStartupFilter, StatsStartupFilter>();
        return services;
    }

    /// <summary>Circuits the server holds, connected or not.</summary>
    public sealed class CircuitCounts
    {
        private long _open;
        private long _connected;
        private long _opened;

        public long Open => Interlocked.Read(ref _open);

        public long Connected => Interlocked.Read(ref _connected);

        public long OpenedSinceStart => Interlocked.Read(ref _opened);

        internal void Opened()
        {
            Interlocked.Increment(ref _open);
            Interlocked.Increment(ref _opened);
        }

        internal void Closed() => Interlocked.Decrement(ref _open);

        internal void Up() => Interlocked.Increment(ref _connected);

        internal void Down() => Interlocked.Decrement(ref _connected);
    }

    private sealed class CountingCircuitHandler(CircuitCounts counts) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            counts.Opened();
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            counts.Closed();
            return Task.CompletedTask;
        }

        public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            counts.Up();
            return Task.CompletedTask;
        }

        public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            counts.Down();
            return Task.CompletedTask;
        }
    }

    private sealed class StatsStartupFilter(CircuitCounts counts) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (!context.Request.Path.Equals(Path, StringComparison.Ordinal))
                {
                    await nextMiddleware();
                    return;
                }

                if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                if (context.Request.Query["gc"] == "true")
                {
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                    GC.WaitForPendingFinalizers();
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                }

                using var process = Process.GetCurrentProcess();
                var gc = GC.GetGCMemoryInfo();
                await context.Response.WriteAsJsonAsync(new
                {
                    circuitsOpen = counts.Open,
                    circuitsConnected = counts.Connected,
                    circuitsOpenedSinceStart = counts.OpenedSinceStart,
                    managedBytes = GC.GetTotalMemory(forceFullCollection: false),
                    heapSizeBytes = gc.HeapSizeBytes,
                    totalAllocatedBytes = GC.GetTotalAllocatedBytes(),
                    workingSetBytes = process.WorkingSet64,
                    cpuMilliseconds = process.TotalProcessorTime.TotalMilliseconds,
                    gen0 = GC.CollectionCount(0),
                    gen1 = GC.CollectionCount(1),
                    gen2 = GC.CollectionCount(2),
                    threads = process.Threads.Count,
                    threadPoolThreads = ThreadPool.ThreadCount,
                    threadPoolQueue = ThreadPool.PendingWorkItemCount,
                    jitMilliseconds = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,
                    methodsJitted = System.Runtime.JitInfo.GetCompiledMethodCount(),
                    processId = Environment.ProcessId,
                    serverGc = System.Runtime.GCSettings.IsServerGC,
                });
            });
            next(app);
        };
    }
}
