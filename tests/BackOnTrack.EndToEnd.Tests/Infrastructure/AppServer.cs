using System.Net;
using System.Net.Sockets;
using BackOnTrack.Data.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackOnTrack.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real app on real Kestrel at http://127.0.0.1:PORT, with its own empty data folder (database, keys,
/// logs) in the temp directory. <see cref="StopAsync"/> shuts it down like a server stop;
/// <see cref="StartAsync()"/> brings it back on the same data folder and the same port, so a browser that
/// was connected can reconnect and a sign-in cookie stays valid (the keys live in the data folder).
/// </summary>
/// <remarks>
/// Start one per test with <see cref="StartNewAsync"/>, or share one per test class through a subclass of
/// <see cref="AppServerFixture"/>. Extra configuration (key/value, like appsettings keys with ':') is applied
/// over appsettings.json on every start; <c>services</c> can replace registrations (e.g. a fake
/// <see cref="TimeProvider"/>) after the app's own, on every start.
/// </remarks>
public sealed class AppServer : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private KestrelFactory? _factory;

    private AppServer(IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        _services = services;
        DataDirectory = Path.Combine(Path.GetTempPath(), "backontrack-e2e", Guid.NewGuid().ToString("N"));
        Port = FreeLoopbackPort();
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:DataDirectory"] = DataDirectory,
            ["SignInRateLimit:PermitsPerMinute"] = "10000",
            ["Serilog:WriteTo:0:Args:restrictedToMinimumLevel"] = "Warning",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(DataDirectory, "logs", "backontrack-.log"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The folder that holds the database, the data-protection keys and the logs. Survives restarts.</summary>
    public string DataDirectory { get; }

    public string LogDirectory => Path.Combine(DataDirectory, "logs");

    public int Port { get; }

    /// <summary>http://127.0.0.1:PORT/ (the same across restarts).</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool IsRunning => _factory is not null;

    /// <summary>The running app's services (for arranging data directly, e.g. creating an account).</summary>
    public IServiceProvider Services => (_factory ?? throw new InvalidOperationException("The app is not running.")).Services;

    public IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>Creates a server with a fresh data folder and a free port, and starts it.</summary>
    public static async Task<AppServer> StartNewAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var server = new AppServer(settings, services);
        try
        {
            await server.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the app (again) on this server's data folder and port; returns when it answers /health/ready.</summary>
    public async Task StartAsync()
    {
        if (_factory is not null)
        {
            throw new InvalidOperationException("The app is already running.");
        }

        var factory = new KestrelFactory(_settings, _services);
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        try
        {
            // StartServer builds the host, runs Program (migrations, seeding) and starts Kestrel; it blocks.
            await Task.Run(factory.StartServer);
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }

        _factory = factory;
        await WaitUntilReadyAsync();
    }

    /// <summary>Stops the app like a server shutdown: open circuits and sockets are closed, the port is freed, data stays.</summary>
    public async Task StopAsync()
    {
        if (_factory is null)
        {
            return;
        }

        var factory = _factory;
        _factory = null;
        await factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    /// <summary>Creates an account directly through Identity (no forms) so a test can start signed-up.</summary>
    public async Task<UserAccount> CreateAccountAsync(string email, string password, string role, string displayName)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = new UserAccount
        {
            UserName = email,
            Email = email,
            DisplayName = displayName,
            CreatedUtc = DateTime.UtcNow,
            AcceptedNoticeUtc = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create the account: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>A plain HTTP client to this server (no cookies kept unless you add a handler).</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = CreateHttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"The app on {BaseAddress} did not become ready within 30 s.");
            }

            await Task.Delay(50);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class KestrelFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            // A stop must not wait 30 s for browser circuits to close on their own.
            builder.ConfigureServices(s => s.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5)));
            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        }
    }
}
