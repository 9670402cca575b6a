using System.Buffers.Binary;
using BackOnTrack.Data.Accounts;
using BackOnTrack.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackOnTrack.Web.Tests.Platform;

public sealed class PasswordHashingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const int OwaspMinimumIterations = 210_000;

    [Fact]
    public void The_hasher_is_configured_above_the_framework_default()
    {
        var options = app.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value;

        options.IterationCount.ShouldBeGreaterThanOrEqualTo(OwaspMinimumIterations);
        options.CompatibilityMode.ShouldBe(PasswordHasherCompatibilityMode.IdentityV3);
    }

    [Fact]
    public async Task A_stored_password_hash_uses_PBKDF2_SHA512_with_at_least_210000_iterations()
    {
        var account = await app.CreateAccountAsync($"hash-{Guid.NewGuid():N}@example.com", "a long and private phrase", Roles.Member);

        // Identity V3 layout: 0x01 | PRF (uint32 BE) | iterations (uint32 BE) | salt length (uint32 BE) | salt | subkey.
        var hash = Convert.FromBase64String(account.PasswordHash.ShouldNotBeNull());
        hash[0].ShouldBe((byte)0x01, "Identity V3 format marker");
        var prf = BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1, 4));
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4));
        var saltLength = BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(9, 4));

        prf.ShouldBe(2u, "KeyDerivationPrf.HMACSHA512");
        iterations.ShouldBeGreaterThanOrEqualTo((uint)OwaspMinimumIterations);
        saltLength.ShouldBeGreaterThanOrEqualTo(16u);
    }

    [Fact]
    public async Task The_stored_hash_verifies_without_asking_for_a_rehash()
    {
        const string password = "a long and private phrase";
        var account = await app.CreateAccountAsync($"verify-{Guid.NewGuid():N}@example.com", password, Roles.Member);
        await using var scope = app.Services.CreateAsyncScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<UserAccount>>();

        hasher.VerifyHashedPassword(account, account.PasswordHash!, password).ShouldBe(PasswordVerificationResult.Success);
        hasher.VerifyHashedPassword(account, account.PasswordHash!, password + "!").ShouldBe(PasswordVerificationResult.Failed);
    }
}
