using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace BackOnTrack.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One person at one screen: a fresh browser context (own cookies) and page pointed at an <see cref="AppServer"/>,
/// sized to a <see cref="Viewport"/>. It records every browser-side problem — console errors, Content
/// Security Policy violations (console reports and <c>securitypolicyviolation</c> events), uncaught page
/// errors and 5xx responses — and <see cref="StepAsync"/> saves a screenshot and fails on any of them.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly List<Func<string, bool>> _expected = [];
    private readonly string _testName;
    private int _step;
    private int _reported;

    private BrowserSession(IBrowserContext context, IPage page, AppServer server, Viewport viewport, string testName)
    {
        Context = context;
        Page = page;
        Server = server;
        Viewport = viewport;
        _testName = testName;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public AppServer Server { get; }

    public Viewport Viewport { get; }

    /// <summary>Everything that went wrong in the browser so far.</summary>
    public IReadOnlyList<string> Problems => [.. _problems];

    /// <summary>Problems recorded since the last <see cref="AssertNoProblems"/>.</summary>
    public bool HasUnreportedProblems => _problems.Count > _reported;

    public static async Task<BrowserSession> OpenAsync(IBrowser browser, AppServer server, Viewport viewport, string testName)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsMobile,
            HasTouch = viewport.IsMobile,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);

        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page, server, viewport, testName);
        await session.WatchAsync();
        return session;
    }

    /// <summary>Saves <c>&lt;test&gt;-&lt;nn&gt;-&lt;step&gt;.png</c> and fails if the browser reported any problem so far.</summary>
    public async Task StepAsync(string step)
    {
        var number = Interlocked.Increment(ref _step);
        await ScreenshotAsync($"{number:00}-{step}");
        AssertNoProblems($"at step '{step}'");
    }

    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(Artifacts.Screenshots, $"{_testName}-{Artifacts.Safe(name)}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public void AssertNoProblems(string when = "")
    {
        var problems = Problems;
        _reported = problems.Count;
        if (problems.Count > 0)
        {
            Assert.Fail($"The browser ({Viewport.Name}) reported {problems.Count} problem(s) {when}:{Environment.NewLine}" +
                string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> while browser messages matching <paramref name="expected"/> are not counted
    /// as problems — for example the circuit's connection errors while a test restarts the server. Outside the
    /// action everything counts again. Keep the predicate narrow.
    /// </summary>
    public async Task WhileExpectingAsync(Func<string, bool> expected, Func<Task> action)
    {
        lock (_expected)
        {
            _expected.Add(expected);
        }

        try
        {
            await action();
        }
        finally
        {
            lock (_expected)
            {
                _expected.Remove(expected);
            }
        }
    }

    /// <summary>Messages a browser logs while its circuit's server is unreachable (negotiation, WebSocket and reconnect errors).</summary>
    public static bool IsConnectionLoss(string problem) =>
        problem.StartsWith("console error:", StringComparison.Ordinal)
        && (problem.Contains("negotiation", StringComparison.OrdinalIgnoreCase)
            || problem.Contains("Failed to fetch", StringComparison.Ordinal)
            || problem.Contains("WebSocket", StringComparison.OrdinalIgnoreCase)
            || problem.Contains("connection", StringComparison.OrdinalIgnoreCase)
            || problem.Contains("circuit", StringComparison.OrdinalIgnoreCase)
            || problem.Contains("ERR_CONNECTION_REFUSED", StringComparison.Ordinal));

    /// <summary>Waits until no loading indicator (<c>.loading</c>, <c>[aria-busy=true]</c>) is left on the page.</summary>
    public async Task WaitForSettledAsync() =>
        await Assertions.Expect(Page.Locator(".loading, [aria-busy=true]")).ToHaveCountAsync(0);

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();

    private void Record(string problem)
    {
        lock (_expected)
        {
            if (_expected.Any(expected => expected(problem)))
            {
                return;
            }
        }

        _problems.Enqueue(problem);
    }

    private async Task WatchAsync()
    {
        Page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                Record($"console {message.Type}: {message.Text} ({message.Location})");
            }
        };
        Page.PageError += (_, error) => Record($"uncaught error: {error}");
        Page.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                Record($"HTTP {response.Status} from {response.Request.Method} {response.Url}");
            }
        };

        await Context.ExposeFunctionAsync("__backOnTrackCspViolation", (string report) => Record("CSP violation: " + report));
        await Context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                window.__backOnTrackCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile}:${e.lineNumber}`));
            """);
    }
}
