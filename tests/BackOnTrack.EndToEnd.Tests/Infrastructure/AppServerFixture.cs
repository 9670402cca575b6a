using Microsoft.Extensions.DependencyInjection;

namespace BackOnTrack.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One app server shared by the tests of a class (<c>IClassFixture&lt;MyServer&gt;</c>). To give a class its
/// own configuration, subclass and override <see cref="Settings"/>:
/// <code>
/// public sealed class KioskServer : AppServerFixture
/// {
///     protected override IReadOnlyDictionary&lt;string, string?&gt; Settings =&gt; new Dictionary&lt;string, string?&gt; { ["Kiosk:IdleMinutes"] = "1" };
/// }
/// </code>
/// </summary>
public class AppServerFixture : IAsyncLifetime
{
    private AppServer? _server;

    public AppServer Server => _server ?? throw new InvalidOperationException("The server fixture has not started.");

    /// <summary>Configuration applied over appsettings.json (and over the test defaults) for this class's server.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>Replaces services after the app's own registrations (e.g. a fake clock). Runs on every (re)start.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async ValueTask InitializeAsync() => _server = await AppServer.StartNewAsync(Settings, ConfigureServices);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
