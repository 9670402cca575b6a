using BackOnTrack.Data.Accounts;
using BackOnTrack.Web.Account;
using BackOnTrack.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackOnTrack.Web.Tests.Accounts;

/// <summary>Identity has the last word on passwords, whatever form (or future endpoint) sends one.</summary>
public sealed class IdentityPasswordRulesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("password123", PasswordPolicy.CommonMessage)]
    [InlineData("abcdefghij", PasswordPolicy.CommonMessage)]
    [InlineData("short", PasswordPolicy.TooShortMessage)]
    public async Task Identity_refuses_weak_passwords_with_the_policy_message(string password, string message)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var email = $"identity-{Guid.NewGuid():N}@example.com";

        var result = await users.CreateAsync(new UserAccount { UserName = email, Email = email }, password);

        result.Succeeded.ShouldBeFalse();
        result.Errors.Select(e => e.Description).ShouldContain(message);
        (await users.FindByEmailAsync(email)).ShouldBeNull();
    }

    [Fact]
    public void Identity_asks_for_length_not_composition_and_locks_out_after_five_failures()
    {
        var options = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;

        options.Password.RequiredLength.ShouldBe(PasswordPolicy.MinimumLength);
        options.Password.RequireDigit.ShouldBeFalse();
        options.Password.RequireUppercase.ShouldBeFalse();
        options.Password.RequireNonAlphanumeric.ShouldBeFalse();
        options.Lockout.AllowedForNewUsers.ShouldBeTrue();
        options.Lockout.MaxFailedAccessAttempts.ShouldBe(5);
        options.User.RequireUniqueEmail.ShouldBeTrue();
    }
}
