using BackOnTrack.Perf.Circuits;

namespace BackOnTrack.Perf.Scenarios;

/// <summary>Opens one page as one user and prints what the client sees: for checking the protocol by hand and capturing fixtures.</summary>
internal static class Probe
{
    public static async Task RunAsync(Uri origin, string cookie, string path, string? capture, string? click, CancellationToken cancellationToken)
    {
        using var http = Http.CreateShared();
        if (capture is not null)
        {
            Directory.CreateDirectory(capture);
        }

        await using var client = new CircuitClient(http, origin, cookie) { CaptureDirectory = capture };
        await client.StartAsync(path, cancellationToken);
        try
        {
            await client.WaitForAsync(t => t.Find(e => e["data-testid"] is not null) is not null, TimeSpan.FromSeconds(20), cancellationToken);
        }
        catch (TimeoutException)
        {
            Console.WriteLine("no element with a data-testid after 20 s; the page says: " + client.Read(t => t.AllText()));
        }

        await Task.Delay(500, cancellationToken);
        Print(client);
        if (click is not null)
        {
            var target = client.Read(t => t.ByTestId(click) ?? t.Find(e => e["data-feeling"] == click)) ?? throw new InvalidOperationException($"no data-testid or data-feeling {click}");
            var (sentAt, before, completion) = await client.DispatchAsync(target, "click", CircuitClient.Click, null, cancellationToken);
            var at = await client.WaitForAsync(t => t.BatchesApplied > before, TimeSpan.FromSeconds(10), cancellationToken);
            var done = await completion.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            Console.WriteLine($"click {click}: next render after {System.Diagnostics.Stopwatch.GetElapsedTime(sentAt, at).TotalMilliseconds:0.0} ms; handler {(done.Success ? "ok" : "failed: " + done.Result)}");
            await Task.Delay(500, cancellationToken);
            Print(client);
        }
    }

    private static void Print(CircuitClient client)
    {
        Console.WriteLine($"location {client.Location}; batches {client.RenderBatches} ({client.BytesReceived} bytes); player object {client.PlayerObjectId}; error {client.Error ?? "none"}");
        client.Read(tree =>
        {
            foreach (var element in tree.Elements().Where(e => e.Handlers.Count > 0 || e.Attributes.ContainsKey("data-testid")))
            {
                Console.WriteLine("  " + element);
            }

            return 0;
        });
        lock (CircuitClient.UnknownJsCalls)
        {
            Console.WriteLine("JS calls answered with a default: " + string.Join(", ", CircuitClient.UnknownJsCalls));
        }
    }
}
