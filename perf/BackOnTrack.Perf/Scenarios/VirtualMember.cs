using System.Diagnostics;
using System.Globalization;
using BackOnTrack.Perf.Circuits;
using BackOnTrack.Perf.Reporting;

namespace BackOnTrack.Perf.Scenarios;

/// <summary>
/// One member in one browser tab, walking training sessions through the player's real controls: the
/// readiness answers, stretches (the hold ends when the player script would report the countdown),
/// briefings, sets, check-ins, rests and the summary. Every click is timed from dispatch to the next
/// render batch; clicks that record a command are also timed to the render that shows the new version.
/// </summary>
internal sealed class VirtualMember(HttpClient http, Uri origin, string cookie, Recorder recorder, Random random, TimeSpan think) : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private CircuitClient? _client;
    private bool _cleaningUp;

    /// <summary>Sessions this member touched, with the highest version its screen showed.</summary>
    public Dictionary<Guid, int> SessionsSeen { get; } = [];

    public int SessionsCompleted { get; private set; }

    public bool Open => _client is { Error: null };

    /// <summary>Opens the start page; returns when the player shows (the "interactive" moment).</summary>
    public async Task<double> OpenAsync(CancellationToken cancellationToken)
    {
        await CloseAsync();
        var started = Stopwatch.GetTimestamp();
        _client = new CircuitClient(http, origin, cookie);
        await _client.StartAsync("/session/start/training", cancellationToken);
        var at = await _client.WaitForAsync(t => Player(t) is not null || t.ByTestId("start-blocked") is not null, Patience, cancellationToken);
        var ms = Stopwatch.GetElapsedTime(started, at).TotalMilliseconds;
        if (_client.Read(t => Player(t)) is null)
        {
            throw new InvalidOperationException("The start page refused: " + _client.Read(t => t.ByTestId("start-blocked")?.Text));
        }

        Note();
        return ms;
    }

    public ValueTask DisposeAsync() => new(CloseAsync());

    public async Task CloseAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
            _client = null;
        }
    }

    /// <summary>Walks until the deadline (whole sessions, one after another); errors are recorded and the member reopens.</summary>
    public async Task WalkAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (DateTimeOffset.UtcNow < until && !cancellationToken.IsCancellationRequested && failures < 5)
        {
            try
            {
                if (!Open)
                {
                    recorder.Add("page-open→interactive (resume)", await OpenAsync(cancellationToken));
                }

                await Task.Delay(Think(), cancellationToken);
                if (!await StepAsync(cancellationToken))
                {
                    SessionsCompleted++;
                    recorder.Add("page-open→interactive (next session)", await OpenAsync(cancellationToken));
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or IOException
                or Microsoft.AspNetCore.SignalR.HubException or System.Net.WebSockets.WebSocketException or TaskCanceledException)
            {
                failures++;
                recorder.Error($"{ex.GetType().Name}: {ex.Message}");
                await CloseAsync();
            }
        }
    }

    private TimeSpan Think() => TimeSpan.FromMilliseconds(think.TotalMilliseconds * (0.5 + random.NextDouble()));

    /// <summary>One step of the session; false once the session is over.</summary>
    public async Task<bool> StepAsync(CancellationToken cancellationToken)
    {
        var client = _client ?? throw new InvalidOperationException("No circuit is open.");
        var (phase, paused) = client.Read(t => (Player(t)?["data-phase"], Player(t)?["data-paused"] == "true"));
        if (paused && client.Read(t => t.ByTestId("resume")) is { } resume)
        {
            await ClickAsync(resume, "resume", write: true, cancellationToken);
            return true;
        }

        switch (phase)
        {
            case "ReadinessCheck":
                if (client.Read(t => t.Find(e => e["data-feeling"] == "Good" && e["aria-checked"] != "true")) is { } good)
                {
                    await ClickAsync(good, "choose feeling", write: false, cancellationToken);
                }

                if (client.Read(t => t.Find(e => e.Name == "input" && e["name"] == "anything-new")) is { } no)
                {
                    await ChangeAsync(no, "on", "answer anything-new", cancellationToken);
                }

                await ClickAsync(Required("readiness-continue"), "readiness", write: true, cancellationToken);
                return true;
            case "WarmUp" or "CoolDown":
                if (client.Read(t => t.ByTestId("start-stretch")) is { } startStretch)
                {
                    await ClickAsync(startStretch, "start stretch", write: true, cancellationToken);
                }
                else
                {
                    await CountdownAsync(cancellationToken);
                }

                return true;
            case "Briefing":
                if (client.Read(t => t.ByTestId("cues-read")) is { } cues)
                {
                    await ChangeAsync(cues, true, "tick cues read", cancellationToken);
                }

                if (client.Read(t => t.ByTestId("confirm-briefing")) is { } confirm)
                {
                    await ClickAsync(confirm, "confirm briefing", write: true, cancellationToken);
                }
                else
                {
                    await ClickAsync(Required("start-set"), "start set", write: true, cancellationToken);
                }

                return true;
            case "SetInProgress":
                await ClickAsync(client.Read(t => t.ByTestId("set-done") ?? t.ByTestId("end-hold")) ?? throw new InvalidOperationException("No set control."),
                    "record set", write: true, cancellationToken);
                return true;
            case "CheckIn":
                var sensation = random.Next(5) == 0 ? "MuscleBurn" : "Nothing";
                await ClickAsync(client.Read(t => t.Find(e => e["data-sensation"] == sensation)) ?? throw new InvalidOperationException("No check-in buttons."),
                    "record check-in", write: true, cancellationToken);
                return true;
            case "Rest":
                await ClickAsync(Required("skip-rest"), "skip rest", write: true, cancellationToken);
                return true;
            case "TightnessPause":
                await ClickAsync(Required("choose-skip"), "skip after tightness", write: true, cancellationToken);
                return true;
            case "Summary":
                await ClickAsync(Required("finish-session"), "finish session", write: true, cancellationToken);
                return true;
            case "Completed" or "StoppedForSafety" or "Abandoned":
                return false;
            default:
                throw new InvalidOperationException($"Unexpected player phase '{phase}'.");
        }
    }

    /// <summary>Ends the session from the STOP panel ("no pain, just stop"), so the next run starts afresh.</summary>
    public async Task AbandonAsync(CancellationToken cancellationToken)
    {
        if (_client?.Read(t => t.ByTestId("stop")) is not { } stop)
        {
            return;
        }

        // Cleanup after the measured window: every member at once, so kept out of the "(all)" figures.
        _cleaningUp = true;
        await ClickAsync(stop, "open stop panel", write: false, cancellationToken);
        if (_client.Read(t => t.Find(e => e["data-stop"] == "NoPain")) is { } noPain)
        {
            await ClickAsync(noPain, "abandon", write: true, cancellationToken);
        }
    }

    private ElementNode Required(string testId) =>
        _client!.Read(t => t.ByTestId(testId)) ?? throw new InvalidOperationException($"No data-testid={testId} in phase {_client.Read(t => Player(t)?["data-phase"])}.");

    private async Task ClickAsync(ElementNode element, string kind, bool write, CancellationToken cancellationToken)
    {
        var client = _client!;
        if (element.Disabled)
        {
            await client.WaitForAsync(_ => !element.Disabled, Patience, cancellationToken);
        }

        var versionBefore = client.Read(Version);
        var (sentAt, before, completion) = await client.DispatchAsync(element, "click", CircuitClient.Click, null, cancellationToken);
        await MeasureAsync(client, sentAt, before, versionBefore, completion, kind, write, cancellationToken);
    }

    private async Task ChangeAsync(ElementNode element, object value, string kind, CancellationToken cancellationToken)
    {
        var client = _client!;
        var (sentAt, before, completion) = await client.DispatchAsync(element, "change", new Dictionary<string, object> { ["value"] = value }, value, cancellationToken);
        await MeasureAsync(client, sentAt, before, client.Read(Version), completion, kind, write: false, cancellationToken);
    }

    /// <summary>The player script's part: wait for the hold's deadline, then report the countdown finished.</summary>
    private async Task CountdownAsync(CancellationToken cancellationToken)
    {
        var client = _client!;
        var countdown = client.Read(t => t.Find(e => e["data-countdown-key"] is not null && e["data-notify"] == "true"))
            ?? throw new InvalidOperationException("A stretch is in progress but no countdown reports its end.");
        var deadline = DateTimeOffset.Parse(countdown["data-deadline"]!, CultureInfo.InvariantCulture);
        var wait = deadline - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(50);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }

        var versionBefore = client.Read(Version);
        var (sentAt, before, completion) = await client.CountdownFinishedAsync(countdown["data-countdown-key"]!, cancellationToken);
        await MeasureAsync(client, sentAt, before, versionBefore, completion, "countdown finished", write: true, cancellationToken);
    }

    private async Task MeasureAsync(CircuitClient client, long sentAt, int batchesBefore, int versionBefore,
        Task<(bool Success, string Result)> completion, string kind, bool write, CancellationToken cancellationToken)
    {
        var next = await client.WaitForAsync(t => t.BatchesApplied > batchesBefore, Patience, cancellationToken);
        if (_cleaningUp)
        {
            kind = "cleanup: " + kind;
        }
        else
        {
            recorder.Add("click → next render (all)", Stopwatch.GetElapsedTime(sentAt, next).TotalMilliseconds);
        }

        if (write)
        {
            var shown = await client.WaitForAsync(t => Version(t) > versionBefore || t.ByTestId("player-message") is not null, Patience, cancellationToken);
            if (client.Read(Version) > versionBefore)
            {
                var ms = Stopwatch.GetElapsedTime(sentAt, shown).TotalMilliseconds;
                if (!_cleaningUp)
                {
                    recorder.Add("write → new state rendered (all writes)", ms);
                }

                recorder.Add("write: " + kind, ms);
                recorder.Count("writes acknowledged on screen");
            }
            else
            {
                recorder.Error($"{kind}: not recorded: {client.Read(t => t.ByTestId("player-message")?.Text)}");
            }
        }
        else
        {
            recorder.Add("click: " + kind, Stopwatch.GetElapsedTime(sentAt, next).TotalMilliseconds);
        }

        var (success, result) = await completion.WaitAsync(Patience, cancellationToken);
        if (!success)
        {
            recorder.Error($"{kind}: handler failed: {result}");
        }

        Note();
    }

    private void Note()
    {
        var client = _client!;
        var segments = client.Location.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is ["session", var id] && Guid.TryParse(id, out var sessionId))
        {
            SessionsSeen[sessionId] = Math.Max(SessionsSeen.GetValueOrDefault(sessionId), client.Read(Version));
        }
    }

    private static ElementNode? Player(LogicalTree tree) => tree.Find(e => e.Name == "div" && e["data-phase"] is not null && e["data-version"] is not null);

    private static int Version(LogicalTree tree) =>
        Player(tree)?["data-version"] is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : -1;
}
