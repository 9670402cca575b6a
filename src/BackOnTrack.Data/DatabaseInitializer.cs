using BackOnTrack.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackOnTrack.Data;

/// <summary>
/// Brings the database to the current schema on start-up: creates the data folder, applies EF Core
/// migrations, switches the journal to WAL and seeds the roles. Safe to run on every start.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<BackOnTrackDbContext> contexts,
    IOptions<DatabaseOptions> options,
    DataPaths paths,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(paths.DataDirectory);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (pending.Count > 0)
        {
            logger.LogInformation("Applied {MigrationCount} migrations to {DatabaseFile}", pending.Count, options.Value.FileName);
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        await SeedRolesAsync(db, cancellationToken);
    }

    private static async Task SeedRolesAsync(BackOnTrackDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name ?? "").ToListAsync(cancellationToken);
        foreach (var role in Roles.All.Except(existing, StringComparer.Ordinal))
        {
            db.Roles.Add(new IdentityRole(role)
            {
                NormalizedName = role.ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
