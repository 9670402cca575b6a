using BackOnTrack.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace BackOnTrack.Web.Account;

/// <summary>
/// The accounts' share of start-up priming (see <see cref="BackOnTrack.Data.StorePriming"/>): runs once
/// each Identity query a sign-in and a cookie check use, for an account that does not exist, so the first
/// kiosk sign-ins after a restart do not all wait on their compilation.
/// </summary>
public static class AccountPriming
{
    public static async Task PrimeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<UserAccount>>();

        var nobody = new UserAccount { Id = "priming:no-such-account", UserName = "priming:no-such-account", SecurityStamp = "" };
        _ = await users.FindByIdAsync(nobody.Id);
        _ = await users.FindByNameAsync(nobody.UserName);
        _ = await principals.CreateAsync(nobody);
        if (await roles.FindByNameAsync(Roles.Member) is { } member)
        {
            _ = await roles.GetClaimsAsync(member);
        }
    }
}
