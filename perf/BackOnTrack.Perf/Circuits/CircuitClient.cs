using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackOnTrack.Perf.Circuits;

/// <summary>
/// One browser tab, without the browser: fetches a page with the user's cookies, reads the component
/// markers, starts a circuit over /_blazor with the "blazorpack" protocol exactly as blazor.web.js does
/// (StartCircuit with no initial components, then UpdateRootComponents with an "add" per marker), applies
/// and acknowledges render batches, answers the server's JS interop calls, and dispatches DOM events
/// through the renderer's DispatchEventAsync.
/// </summary>
internal sealed partial class CircuitClient : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly Uri _origin;
    private string _cookieHeader;
    private readonly Lock _gate = new();
    private readonly List<Waiter> _waiters = [];
    private readonly Dictionary<string, TaskCompletionSource<(bool Success, string Result)>> _dotNetCalls = [];
    private HubConnection? _hub;
    private long _nextCallId;
    private long _nextJsObjectId;
    private long _rendererInteropId;
    private string? _circuitSecret;

    public CircuitClient(HttpClient http, Uri origin, string cookieHeader)
    {
        _http = http;
        _origin = origin;
        _cookieHeader = cookieHeader;
    }

    public LogicalTree Tree { get; } = new();

    public Uri Location { get; private set; } = new("http://invalid/");

    /// <summary>The DotNetObjectReference the session player handed to its script module ("start").</summary>
    public long PlayerObjectId { get; private set; }

    public string? Error { get; private set; }

    public int RenderBatches { get; private set; }

    public long BytesReceived { get; private set; }

    /// <summary>When set, every render batch's bytes are saved here (batch-001.bin, ...) to make test fixtures.</summary>
    public string? CaptureDirectory { get; init; }

    /// <summary>JS interop calls the server made that this client answered with a default value.</summary>
    public static HashSet<string> UnknownJsCalls { get; } = [];

    /// <summary>Fetches the page (following redirects) and returns the HTML; throws when signed out or on an error status.</summary>
    public async Task<string> FetchPageAsync(string path, CancellationToken cancellationToken)
    {
        var uri = new Uri(_origin, path);
        for (var hop = 0; hop < 5; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (_cookieHeader.Length > 0)
            {
                request.Headers.Add("Cookie", _cookieHeader);
            }

            using var response = await _http.SendAsync(request, cancellationToken);
            _cookieHeader = Http.Renew(_cookieHeader, response); // as a browser keeps a renewed cookie
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } next)
            {
                uri = new Uri(uri, next);
                if (uri.AbsolutePath.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"{path} redirected to the sign-in page: the cookie is not valid.");
                }

                continue;
            }

            response.EnsureSuccessStatusCode();
            Location = uri;
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }

        throw new InvalidOperationException($"{path}: too many redirects.");
    }

    /// <summary>The server component markers of a page, in document order, as blazor.web.js discovers them.</summary>
    public static IReadOnlyList<JsonObject> ReadMarkers(string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match match in MarkerPattern().Matches(html))
        {
            if (JsonNode.Parse(match.Groups["json"].Value) is JsonObject marker && (string?)marker["type"] == "server")
            {
                markers.Add(marker);
            }
        }

        return markers;
    }

    /// <summary>The UpdateRootComponents payload for a first page: one "add" operation per marker.</summary>
    public static string AddOperations(IReadOnlyList<JsonObject> markers)
    {
        var operations = new JsonArray();
        for (var i = 0; i < markers.Count; i++)
        {
            var marker = (JsonObject)markers[i].DeepClone();
            marker["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker });
        }

        return new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString();
    }

    /// <summary>Opens a page and starts its circuit. Returns when the circuit is started and the root components were sent.</summary>
    public async Task StartAsync(string path, CancellationToken cancellationToken)
    {
        var html = await FetchPageAsync(path, cancellationToken);
        var markers = ReadMarkers(html);
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{path} has no interactive server components.");
        }

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(_origin, "_blazor"), HttpTransportType.WebSockets, options =>
            {
                if (_cookieHeader.Length > 0)
                {
                    options.Headers["Cookie"] = _cookieHeader;
                }
            })
            .WithServerTimeout(TimeSpan.FromSeconds(60));
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackHubProtocol());
        if (Environment.GetEnvironmentVariable("PERF_TRACE") == "1")
        {
            builder.Services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug));
        }

        _hub = builder.Build();
        Register(_hub);
        await _hub.StartAsync(cancellationToken);

        var baseUri = new Uri(_origin, "/").ToString();
        var secret = await _hub.InvokeAsync<string?>("StartCircuit", baseUri, Location.ToString(), "[]", "", cancellationToken);
        _circuitSecret = secret;
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException("The server refused to start the circuit.");
        }

        await _hub.SendAsync("UpdateRootComponents", AddOperations(markers), "", cancellationToken);
    }

    private void Register(HubConnection hub)
    {
        hub.On<int, string>("JS.AttachComponent", (componentId, _) =>
        {
            lock (_gate)
            {
                Tree.AttachRoot(componentId);
                if (CaptureDirectory is not null)
                {
                    File.AppendAllText(Path.Combine(CaptureDirectory, "roots.txt"), $"{componentId} before batch {RenderBatches + 1}\n");
                }
            }
        });
        hub.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], OnBeginInvokeJSAsync);
        hub.On<string, bool, string>("JS.EndInvokeDotNet", (callId, success, result) =>
        {
            TaskCompletionSource<(bool, string)>? pending;
            lock (_gate)
            {
                _dotNetCalls.Remove(callId, out pending);
            }

            pending?.TrySetResult((success, result));
        });
        hub.On<string>("JS.Error", error => Fail("JS.Error: " + error));
        hub.On<long>("JS.EndUpdateRootComponents", _ => { });
        hub.On<int, byte[]>("JS.ReceiveByteArray", (_, _) => { });
        hub.Closed += error =>
        {
            if (error is not null)
            {
                Fail("Connection closed: " + error.Message);
            }

            return Task.CompletedTask;
        };
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        string? error = null;
        if (CaptureDirectory is not null)
        {
            await File.WriteAllBytesAsync(Path.Combine(CaptureDirectory, $"batch-{RenderBatches + 1:D3}.bin"), data);
        }

        try
        {
            var batch = RenderBatch.Read(data);
            lock (_gate)
            {
                Tree.Apply(batch);
                RenderBatches++;
                BytesReceived += data.Length;
                ReleaseWaiters(receivedAt);
            }
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentOutOfRangeException or InvalidCastException)
        {
            error = ex.Message;
            Fail($"Render batch {batchId}: {ex.Message}");
        }

        await _hub!.SendAsync("OnRenderCompleted", batchId, error);
    }

    private async Task OnBeginInvokeJSAsync(object?[] args)
    {
        var handle = (long)args[0]!;
        var identifier = (string)args[1]!;
        var argsJson = (string?)args[2];
        var resultType = (int)args[3]!;
        JsonNode? result = null;

        switch (identifier)
        {
            case "Blazor._internal.attachWebRendererInterop":
                _rendererInteropId = JsonNode.Parse(argsJson!)![1]!["__dotNetObject"]!.GetValue<long>();
                break;
            case "Blazor._internal.navigationManager.navigateTo":
                var navigation = JsonNode.Parse(argsJson!)!;
                var target = new Uri(Location, (string)navigation[0]!);
                if (navigation[1]?["forceLoad"]?.GetValue<bool>() == true)
                {
                    Fail("The page asked for a full reload of " + target);
                    break;
                }

                Location = target;
                await _hub!.SendAsync("OnLocationChanged", target.ToString(), null, false);
                break;
            case "start" when argsJson is not null:
                // The player script module's start(dotNetRef, serverNowIso, muted, voice, cue, awake).
                if (JsonNode.Parse(argsJson)?[0]?["__dotNetObject"] is { } player)
                {
                    PlayerObjectId = player.GetValue<long>();
                }

                break;
            case "window.hasOwnProperty":
                // MudBlazor asks whether its script is loaded; in a browser it is.
                result = true;
                break;
            case "mudpopoverHelper.countProviders":
                result = 1;
                break;
            case "mudThemeProvider.watchDarkMode" or "import" or "Blazor._internal.PageTitle.getAndRemoveExistingTitle" or "Blazor._internal.domWrapper.focusBySelector"
                or "Blazor._internal.navigationManager.enableNavigationInterception" or "Blazor._internal.navigationManager.setHasLocationChangingListeners"
                or "setSound" or "show" or "stop" or "Blazor._internal.PageTitle.setTitle":
                break;
            default:
                lock (UnknownJsCalls)
                {
                    UnknownJsCalls.Add(identifier);
                }

                break;
        }

        if (resultType == 1)
        {
            result = new JsonObject { ["__jsObjectId"] = Interlocked.Increment(ref _nextJsObjectId) };
        }

        if (handle != 0)
        {
            var payload = new JsonArray(handle, true, result).ToJsonString();
            await _hub!.SendAsync("EndInvokeJSFromDotNet", handle, true, payload);
        }
    }

    private void Fail(string message)
    {
        lock (_gate)
        {
            Error ??= message;
            foreach (var waiter in _waiters)
            {
                waiter.Done.TrySetException(new InvalidOperationException(message));
            }

            _waiters.Clear();
        }
    }

    private void ReleaseWaiters(long receivedAt)
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Condition(Tree))
            {
                _waiters[i].Done.TrySetResult(receivedAt);
                _waiters.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// Waits until a render batch leaves the page in a state that satisfies <paramref name="condition"/>,
    /// and returns the Stopwatch timestamp at which that batch arrived (or now, when it already holds).
    /// </summary>
    public async Task<long> WaitForAsync(Func<LogicalTree, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_gate)
        {
            if (Error is not null)
            {
                throw new InvalidOperationException(Error);
            }

            if (condition(Tree))
            {
                return Stopwatch.GetTimestamp();
            }

            waiter = new Waiter(condition, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Done.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            throw new TimeoutException($"No render satisfied the wait within {timeout.TotalSeconds:0.#} s.");
        }
    }

    /// <summary>Reads the page under the client's lock (batches are applied on another thread).</summary>
    public T Read<T>(Func<LogicalTree, T> read)
    {
        lock (_gate)
        {
            return read(Tree);
        }
    }

    /// <summary>
    /// Dispatches a DOM event to an element's handler the way the EventDelegator does, and returns the
    /// Stopwatch timestamp just before sending plus the batch count then (to wait for "the next render").
    /// </summary>
    public async Task<(long SentAt, int BatchesBefore, Task<(bool Success, string Result)> Completion)> DispatchAsync(
        ElementNode element, string eventName, object eventArgs, object? fieldValue, CancellationToken cancellationToken)
    {
        if (!element.Handlers.TryGetValue(eventName, out var handlerId))
        {
            throw new InvalidOperationException($"{element} has no '{eventName}' handler.");
        }

        var descriptor = new Dictionary<string, object?>
        {
            ["eventHandlerId"] = handlerId,
            ["eventName"] = eventName,
            ["eventFieldInfo"] = fieldValue is null ? null : new Dictionary<string, object?> { ["componentId"] = 0, ["fieldValue"] = fieldValue },
        };
        var argsJson = JsonSerializer.Serialize(new object[] { descriptor, eventArgs }, Json);
        return await InvokeDotNetAsync("DispatchEventAsync", _rendererInteropId, argsJson, cancellationToken);
    }

    /// <summary>A click on an internal link: blazor.web.js intercepts it, pushes history and tells the circuit (OnLocationChanged).</summary>
    public async Task<(long SentAt, int BatchesBefore)> FollowLinkAsync(string href, CancellationToken cancellationToken)
    {
        var target = new Uri(Location, href);
        int before;
        lock (_gate)
        {
            before = Tree.BatchesApplied;
        }

        Location = target;
        var sentAt = Stopwatch.GetTimestamp();
        await _hub!.SendAsync("OnLocationChanged", target.ToString(), null, true, cancellationToken);
        return (sentAt, before);
    }

    /// <summary>What the player script does when a countdown reaches zero.</summary>
    public async Task<(long SentAt, int BatchesBefore, Task<(bool Success, string Result)> Completion)> CountdownFinishedAsync(string key, CancellationToken cancellationToken) =>
        await InvokeDotNetAsync("CountdownFinished", PlayerObjectId, JsonSerializer.Serialize(new[] { key }), cancellationToken);

    private async Task<(long, int, Task<(bool, string)>)> InvokeDotNetAsync(string method, long objectId, string argsJson, CancellationToken cancellationToken)
    {
        var callId = Interlocked.Increment(ref _nextCallId).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<(bool, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        int before;
        lock (_gate)
        {
            _dotNetCalls[callId] = completion;
            before = Tree.BatchesApplied;
        }

        var sentAt = Stopwatch.GetTimestamp();
        await _hub!.SendAsync("BeginInvokeDotNetFromJS", callId, null, method, objectId, argsJson, cancellationToken);
        return (sentAt, before, completion.Task);
    }

    public static object Click { get; } = new Dictionary<string, object>
    {
        ["detail"] = 1, ["screenX"] = 0, ["screenY"] = 0, ["clientX"] = 0, ["clientY"] = 0, ["offsetX"] = 0, ["offsetY"] = 0,
        ["pageX"] = 0, ["pageY"] = 0, ["movementX"] = 0, ["movementY"] = 0, ["button"] = 0, ["buttons"] = 0,
        ["ctrlKey"] = false, ["shiftKey"] = false, ["altKey"] = false, ["metaKey"] = false, ["type"] = "click",
    };

    public async ValueTask DisposeAsync()
    {
        if (_circuitSecret is not null)
        {
            // What blazor.web.js sends when the tab closes (sendBeacon to _blazor/disconnect): the server
            // disposes the circuit at once instead of keeping it for a reconnect.
            try
            {
                using var form = new MultipartFormDataContent { { new StringContent(_circuitSecret), "circuitId" } };
                using var response = await _http.PostAsync(new Uri(_origin, "_blazor/disconnect"), form);
            }
            catch (HttpRequestException)
            {
                // The server is gone; nothing to release.
            }
        }

        if (_hub is not null)
        {
            try
            {
                await _hub.DisposeAsync();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Closing a connection the server already dropped.
            }
        }
    }

    [GeneratedRegex("<!--Blazor:(?<json>\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    private sealed record Waiter(Func<LogicalTree, bool> Condition, TaskCompletionSource<long> Done);
}

/// <summary>Cookie and HTTP helpers: one shared HttpClient for every virtual user, cookies carried by hand.</summary>
internal static class Http
{
    public static HttpClient CreateShared() => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = 256,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Reads "name=value" pairs out of Set-Cookie headers (attributes dropped).</summary>
    public static Dictionary<string, string> SetCookies(HttpResponseMessage response)
    {
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                var pair = value.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    cookies[pair[..eq]] = pair[(eq + 1)..];
                }
            }
        }

        return cookies;
    }

    public static string Header(IReadOnlyDictionary<string, string> cookies) => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    /// <summary>A Cookie header with the response's Set-Cookie values applied: new values replace old ones, empty ones delete.</summary>
    public static string Renew(string cookieHeader, HttpResponseMessage response)
    {
        var set = SetCookies(response);
        if (set.Count == 0)
        {
            return cookieHeader;
        }

        var cookies = cookieHeader.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        foreach (var (name, value) in set)
        {
            if (value.Length == 0)
            {
                cookies.Remove(name);
            }
            else
            {
                cookies[name] = value;
            }
        }

        return Header(cookies);
    }
}
