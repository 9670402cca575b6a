using EmptyBlazor.Components;

// The empty Blazor Web App template (dotnet new blazor --interactivity Server --empty), made globally
// interactive without prerendering like BackOnTrack, plus two endpoints for the perf baselines:
// /plaintext (Kestrel's plaintext throughput) and /_perf/stats (the same numbers BackOnTrack reports).
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();
builder.Services.AddSingleton<CircuitCounts>();
builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CountingCircuitHandler>();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapGet("/plaintext", () => "Hello, World!");
app.MapGet("/_perf/stats", (CircuitCounts counts, bool? gc) =>
{
    if (gc == true)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    using var process = System.Diagnostics.Process.GetCurrentProcess();
    return Results.Json(new
    {
        circuitsOpen = counts.Open,
        circuitsConnected = counts.Open,
        circuitsOpenedSinceStart = counts.Opened,
        managedBytes = GC.GetTotalMemory(forceFullCollection: false),
        heapSizeBytes = GC.GetGCMemoryInfo().HeapSizeBytes,
        totalAllocatedBytes = GC.GetTotalAllocatedBytes(),
        workingSetBytes = process.WorkingSet64,
        cpuMilliseconds = process.TotalProcessorTime.TotalMilliseconds,
        gen0 = GC.CollectionCount(0),
        gen1 = GC.CollectionCount(1),
        gen2 = GC.CollectionCount(2),
        threads = process.Threads.Count,
        processId = Environment.ProcessId,
    });
});

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

await app.RunAsync();

internal sealed class CircuitCounts
{
    private long _open;
    private long _opened;

    public long Open => Interlocked.Read(ref _open);

    public long Opened => Interlocked.Read(ref _opened);

    public void Up()
    {
        Interlocked.Increment(ref _open);
        Interlocked.Increment(ref _opened);
    }

    public void Down() => Interlocked.Decrement(ref _open);
}

internal sealed class CountingCircuitHandler(CircuitCounts counts) : Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Microsoft.AspNetCore.Components.Server.Circuits.Circuit circuit, CancellationToken cancellationToken)
    {
        counts.Up();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Microsoft.AspNetCore.Components.Server.Circuits.Circuit circuit, CancellationToken cancellationToken)
    {
        counts.Down();
        return Task.CompletedTask;
    }
}
