using BackOnTrack.Data;
using BackOnTrack.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace BackOnTrack.Web.Account;

/// <summary>
/// Knows whether the one-time setup (creating the first admin) has happened. Once an admin exists the
/// answer never changes back, so it is cached; the setup itself is serialized so two browsers cannot both win.
/// </summary>
public sealed class FirstRun(IDbContextFactory<BackOnTrackDbContext> contexts) : IDisposable
{
    private readonly SemaphoreSlim _setupGate = new(1, 1);
    private volatile bool _adminExists;

    public async Task<bool> AdminExistsAsync(CancellationToken cancellationToken = default)
    {
        if (_adminExists)
        {
            return true;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var adminRole = Roles.Admin.ToUpperInvariant();
        _adminExists = await db.UserRoles
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.NormalizedName)
            .AnyAsync(name => name == adminRole, cancellationToken);
        return _adminExists;
    }

    /// <summary>Runs <paramref name="createAdmin"/> only if no admin exists yet; returns false when setup was already done.</summary>
    public async Task<bool> TryCompleteAsync(Func<Task<bool>> createAdmin, CancellationToken cancellationToken = default)
    {
        await _setupGate.WaitAsync(cancellationToken);
        try
        {
            if (await AdminExistsAsync(cancellationToken))
            {
                return false;
            }

            var created = await createAdmin();
            _adminExists = created;
            return created;
        }
        finally
        {
            _setupGate.Release();
        }
    }

    public void Dispose() => _setupGate.Dispose();
}
