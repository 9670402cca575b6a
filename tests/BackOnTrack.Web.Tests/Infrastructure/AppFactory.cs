using System.Globalization;
using BackOnTrack.Data.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BackOnTrack.Web.Tests.Infrastructure;

/// <summary>
/// The whole app in memory (TestServer), on its own empty data folder in the temp directory: a fresh
/// SQLite database, fresh keys, fresh logs. Use it as a class fixture (one app per test class) or create
/// one inside a test when the test needs a first-run app of its own. Subclasses change configuration
/// through <see cref="Settings"/>.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "owner@gym.example";
    public const string AdminPassword = "owner keeps the keys safe";

    public AppFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "backontrack-web-tests", Guid.NewGuid().ToString("N"));
    }

    public string DataDirectory { get; }

    /// <summary>Configuration for this app, applied over appsettings.json. Override to add or change keys.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:DataDirectory"] = DataDirectory,
        // Tests sign in many times a minute from one address; only the rate-limit test keeps the real limit.
        ["SignInRateLimit:PermitsPerMinute"] = "10000",
        // Console: warnings only; the full log goes to the test's own data folder.
        ["Serilog:WriteTo:0:Args:restrictedToMinimumLevel"] = "Warning",
        ["Serilog:WriteTo:1:Args:path"] = Path.Combine(DataDirectory, "logs", "backontrack-.log"),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests assert them).</summary>
    public FormClient CreateFormClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Creates an account directly through Identity (no forms), in the given role.</summary>
    public async Task<UserAccount> CreateAccountAsync(string email, string password, string role, string? displayName = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = new UserAccount
        {
            UserName = email,
            Email = email,
            DisplayName = displayName ?? email.Split('@')[0],
            CreatedUtc = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, password);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return user;
    }

    /// <summary>Finishes first-run setup the quick way, so the front door no longer leads to /setup.</summary>
    public async Task EnsureAdminAsync()
    {
        if (await FindAccountAsync(AdminEmail) is null)
        {
            await CreateAccountAsync(AdminEmail, AdminPassword, Roles.Admin, "Owner");
        }
    }

    public async Task<UserAccount?> FindAccountAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>().FindByEmailAsync(email);
    }

    public async Task<IList<UserAccount>> AccountsInRoleAsync(string role)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>().GetUsersInRoleAsync(role);
    }

    public async Task<int> AccountCountAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>().Users.Count();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        GC.SuppressFinalize(this);
    }

    protected static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
