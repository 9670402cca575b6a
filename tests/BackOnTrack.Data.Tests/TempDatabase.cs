using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackOnTrack.Data.Tests;

/// <summary>
/// A fresh, empty data folder in the temp directory with the real data services on top of it
/// (the same <c>AddBackOnTrackData</c> the app calls). Each test gets its own; disposing deletes it.
/// </summary>
public sealed class TempDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly bool _ownsDirectory;

    public TempDatabase(int busyTimeoutMilliseconds = 5_000)
        : this(Path.Combine(Path.GetTempPath(), "backontrack-data-tests", Guid.NewGuid().ToString("N")), busyTimeoutMilliseconds, ownsDirectory: true)
    {
    }

    private TempDatabase(string dataDirectory, int busyTimeoutMilliseconds, bool ownsDirectory)
    {
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:DataDirectory"] = DataDirectory,
                ["Database:BusyTimeoutMilliseconds"] = busyTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            .Build();

        _services = new ServiceCollection()
            .AddLogging()
            .AddBackOnTrackData(configuration, contentRoot: Path.GetTempPath())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public string DataDirectory { get; }

    /// <summary>New services over the same folder: what the app sees after a restart. The folder stays with this instance.</summary>
    public TempDatabase Restart() => new(DataDirectory, 5_000, ownsDirectory: false);

    public string DatabaseFile => _services.GetRequiredService<DataPaths>().DatabaseFile;

    public DatabaseInitializer Initializer => _services.GetRequiredService<DatabaseInitializer>();

    public StorePriming Priming => _services.GetRequiredService<StorePriming>();

    public Task<BackOnTrackDbContext> CreateContextAsync() =>
        _services.GetRequiredService<IDbContextFactory<BackOnTrackDbContext>>().CreateDbContextAsync();

    /// <summary>A plain connection that bypasses EF Core and its interceptors: it sees only what is stored in the file.</summary>
    public SqliteConnection OpenRawConnection()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (!_ownsDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over cleanup.
        }
    }
}
