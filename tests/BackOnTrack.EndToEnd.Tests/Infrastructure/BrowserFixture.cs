using Microsoft.Playwright;

namespace BackOnTrack.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole end-to-end collection; every test gets its own browser context
/// (its own cookies and storage) through <see cref="BrowserSession"/>. The browser is the system Chromium:
/// <c>BACKONTRACK_CHROMIUM</c> if set, else /usr/bin/chromium. Playwright never downloads one.
/// When none is found the tests are reported skipped, saying why, unless <c>BACKONTRACK_REQUIRE_BROWSER=1</c>,
/// which makes a missing browser a failure (CI sets it).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "BACKONTRACK_CHROMIUM";
    public const string RequireVariable = "BACKONTRACK_REQUIRE_BROWSER";
    public const string DefaultChromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _missing;
    private Exception? _launchFailure;

    /// <summary>Reads <c>BACKONTRACK_CHROMIUM</c> and <c>BACKONTRACK_REQUIRE_BROWSER</c>.</summary>
    public BrowserFixture()
        : this(
            Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : DefaultChromium,
            Environment.GetEnvironmentVariable(RequireVariable) == "1")
    {
        // Constructed once per test run (collection fixture): start with empty artifact folders.
        Artifacts.Clear();
    }

    internal BrowserFixture(string chromiumPath, bool browserRequired)
    {
        ChromiumPath = chromiumPath;
        BrowserRequired = browserRequired;
    }

    public string ChromiumPath { get; }

    public bool BrowserRequired { get; }

    public async ValueTask InitializeAsync()
    {
        var path = ChromiumPath;
        if (!File.Exists(path))
        {
            _missing = $"No Chromium at {path}: browser tests need Debian's 'chromium' package " +
                $"(or {ChromiumVariable} pointing at a Chromium binary). Set {RequireVariable}=1 to make this a failure.";
            return;
        }

        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 60_000,
            });
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or InvalidOperationException)
        {
            // A browser that exists but will not start is a real problem: reported as a failure by every test.
            _launchFailure = ex;
        }
    }

    /// <summary>The running browser; skips the calling test when none is installed (fails instead when one is required or it would not start).</summary>
    public IBrowser Require()
    {
        if (_browser is not null)
        {
            return _browser;
        }

        if (_launchFailure is not null)
        {
            Assert.Fail($"Chromium at {ChromiumPath} is installed but did not start: {_launchFailure.Message}");
        }

        if (BrowserRequired)
        {
            Assert.Fail($"{_missing} ({RequireVariable}=1 is set, so a missing browser fails the run.)");
        }

        Assert.Skip(_missing ?? "No browser.");
        return null!; // unreachable: Assert.Skip throws
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
