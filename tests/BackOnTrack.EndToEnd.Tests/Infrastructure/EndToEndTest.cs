using Microsoft.Playwright;

namespace BackOnTrack.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Base for browser tests. Opens sessions (<see cref="OpenAsync"/>) and servers (<see cref="StartServerAsync"/>)
/// and cleans them up. After the test: if it passed, any browser problem not yet reported by a step fails it;
/// if it failed, every open page gets a <c>failure</c> screenshot and the servers' logs are copied to the artifacts.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
public abstract class EndToEndTest(BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<BrowserSession> _sessions = [];
    private readonly List<AppServer> _servers = [];

    protected BrowserFixture Browser { get; } = browser;

    protected static Task Expect(ILocator locator, string text) => Assertions.Expect(locator).ToContainTextAsync(text);

    /// <summary>A new person at a new screen, on <paramref name="server"/>. Skips the test when no browser is installed.</summary>
    protected async Task<BrowserSession> OpenAsync(AppServer server, Viewport viewport)
    {
        var chromium = Browser.Require();
        var name = Artifacts.CurrentTestName();
        if (!name.EndsWith(viewport.Name, StringComparison.Ordinal))
        {
            name += "-" + viewport.Name;
        }

        var session = await BrowserSession.OpenAsync(chromium, server, viewport, name);
        _sessions.Add(session);
        return session;
    }

    /// <summary>A server of this test's own (fresh data folder), stopped and deleted after the test.</summary>
    protected async Task<AppServer> StartServerAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Browser.Require(); // no browser, no point starting a server
        var server = await AppServer.StartNewAsync(settings);
        _servers.Add(server);
        return server;
    }

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        var failed = TestContext.Current.TestState?.Result == TestResult.Failed;
        var unreported = new List<string>();
        foreach (var session in _sessions)
        {
            if (failed)
            {
                await TryAsync(() => session.ScreenshotAsync("failure"));
            }
            else if (session.HasUnreportedProblems)
            {
                unreported.AddRange(session.Problems);
            }

            await session.DisposeAsync();
        }

        if (failed)
        {
            var name = Artifacts.CurrentTestName();
            foreach (var server in _servers.Where(s => Directory.Exists(s.LogDirectory)))
            {
                CopyLogs(server, Path.Combine(Artifacts.Logs, name));
            }
        }

        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
        if (unreported.Count > 0)
        {
            Assert.Fail("The browser reported problems after the last step:" + Environment.NewLine +
                string.Join(Environment.NewLine, unreported.Select(p => "  - " + p)));
        }
    }

    private static void CopyLogs(AppServer server, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(server.LogDirectory))
        {
            File.Copy(file, Path.Combine(target, $"{server.Port}-{Path.GetFileName(file)}"), overwrite: true);
        }
    }

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (PlaywrightException)
        {
            // The page may be gone; the failure itself is what matters.
        }
    }
}
