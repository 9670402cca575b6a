using BackOnTrack.Data.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BackOnTrack.Data.Tests;

public sealed class DatabaseInitializerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_match_the_model()
    {
        await using var database = new TempDatabase();
        File.Exists(database.DatabaseFile).ShouldBeFalse();

        await database.Initializer.InitializeAsync(Cancel);

        File.Exists(database.DatabaseFile).ShouldBeTrue();
        await using var db = await database.CreateContextAsync();
        var applied = await db.Database.GetAppliedMigrationsAsync(Cancel);
        applied.ShouldBe(db.Database.GetMigrations(), "every migration in the assembly is applied");
        applied.ShouldNotBeEmpty();
        (await db.Database.GetPendingMigrationsAsync(Cancel)).ShouldBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse(
            "the model has changes no migration captures: run `dotnet ef migrations add <Name>` in src/BackOnTrack.Data");
    }

    [Fact]
    public async Task Migrations_create_the_identity_tables()
    {
        await using var database = new TempDatabase();
        await database.Initializer.InitializeAsync(Cancel);

        using var connection = database.OpenRawConnection();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table';");
        tables.ShouldContain("AspNetUsers");
        tables.ShouldContain("AspNetRoles");
        tables.ShouldContain("AspNetUserRoles");
        tables.ShouldContain("__EFMigrationsHistory");
    }

    [Fact]
    public async Task Initializer_creates_a_missing_data_folder()
    {
        await using var database = new TempDatabase();
        Directory.Exists(database.DataDirectory).ShouldBeFalse();

        await database.Initializer.InitializeAsync(Cancel);

        Directory.Exists(database.DataDirectory).ShouldBeTrue();
    }

    [Fact]
    public async Task Journal_mode_is_WAL_after_initialization()
    {
        await using var database = new TempDatabase();
        await database.Initializer.InitializeAsync(Cancel);

        // WAL is a property of the file: a new plain connection sees it.
        using var connection = database.OpenRawConnection();
        Query(connection, "PRAGMA journal_mode;").ShouldBe(["wal"]);
    }

    [Fact]
    public async Task Roles_are_seeded_exactly_once_when_initialization_runs_twice()
    {
        await using var database = new TempDatabase();

        await database.Initializer.InitializeAsync(Cancel);
        await database.Initializer.InitializeAsync(Cancel);

        await using var db = await database.CreateContextAsync();
        var roles = await db.Roles.Select(r => new { r.Name, r.NormalizedName }).ToListAsync(Cancel);
        roles.Select(r => r.Name).Order(StringComparer.Ordinal).ShouldBe(Roles.All.Order(StringComparer.Ordinal));
        roles.ShouldAllBe(r => string.Equals(r.NormalizedName, r.Name!.ToUpperInvariant(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Initialization_on_an_existing_database_after_a_restart_adds_nothing()
    {
        await using var first = new TempDatabase();
        await first.Initializer.InitializeAsync(Cancel);

        await using var restarted = first.Restart();
        await restarted.Initializer.InitializeAsync(Cancel);

        await using var db = await restarted.CreateContextAsync();
        (await db.Roles.CountAsync(Cancel)).ShouldBe(Roles.All.Count);
        (await db.Database.GetAppliedMigrationsAsync(Cancel)).ShouldBe(db.Database.GetMigrations());
    }

    [Theory]
    [InlineData(1_234)]
    [InlineData(7_000)]
    public async Task Busy_timeout_is_set_on_every_connection_EF_opens(int busyTimeout)
    {
        await using var database = new TempDatabase(busyTimeout);
        await database.Initializer.InitializeAsync(Cancel);

        await using var db = await database.CreateContextAsync();

        // Async open path.
        await db.Database.OpenConnectionAsync(Cancel);
        ReadBusyTimeout(db).ShouldBe(busyTimeout);
        await db.Database.CloseConnectionAsync();

        // Sync open path (the interceptor has both).
        db.Database.OpenConnection();
        ReadBusyTimeout(db).ShouldBe(busyTimeout);
        db.Database.CloseConnection();
    }

    [Fact]
    public async Task A_plain_connection_without_the_interceptor_has_a_different_busy_timeout()
    {
        // Guards the test above: it would prove nothing if SQLite's default already equalled the configured value.
        await using var database = new TempDatabase(1_234);
        await database.Initializer.InitializeAsync(Cancel);

        using var connection = database.OpenRawConnection();
        Query(connection, "PRAGMA busy_timeout;").Single().ShouldNotBe("1234");
    }

    private static int ReadBusyTimeout(BackOnTrackDbContext db)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}
