using BackOnTrack.Data.Accounts;
using BackOnTrack.Web.Account;
using Microsoft.AspNetCore.Identity;

namespace BackOnTrack.Web.Tests.Accounts;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("river stones and tea")]
    [InlineData("correct horse battery staple")]
    [InlineData("tenchars!!")] // exactly 10, not common
    [InlineData("Ünïcödé wörds are fine")]
    public void Long_uncommon_passwords_are_accepted(string password) =>
        PasswordPolicy.Problem(password).ShouldBeNull();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("ninechars")] // 9
    public void Passwords_under_ten_characters_are_too_short(string? password) =>
        PasswordPolicy.Problem(password).ShouldBe(PasswordPolicy.TooShortMessage);

    [Fact]
    public void The_length_limits_are_ten_and_one_hundred_twenty_eight()
    {
        PasswordPolicy.MinimumLength.ShouldBe(10);
        PasswordPolicy.MaximumLength.ShouldBe(128);
        PasswordPolicy.Problem(Phrase(128)).ShouldBeNull();
        PasswordPolicy.Problem(Phrase(129)).ShouldBe(PasswordPolicy.TooLongMessage);
    }

    [Theory]
    [InlineData("password123")]
    [InlineData("PASSWORD123")] // compared case-insensitively
    [InlineData("qwertyuiop")]
    [InlineData("1234567890")]
    [InlineData("letmein123")]
    public void Passwords_from_the_common_list_are_refused(string password) =>
        PasswordPolicy.Problem(password).ShouldBe(PasswordPolicy.CommonMessage);

    [Theory]
    [InlineData("abcdefghij")]
    [InlineData("jihgfedcba")]
    [InlineData("ABCDEFGHIJKLM")]
    [InlineData("0123456789")]
    [InlineData("9876543210")]
    public void Runs_of_consecutive_characters_are_refused(string password) =>
        PasswordPolicy.Problem(password).ShouldBe(PasswordPolicy.CommonMessage);

    [Theory]
    [InlineData("aaaaaaaaaa")]
    [InlineData("ababababab")]
    [InlineData("1212121212")]
    public void Passwords_of_one_or_two_repeated_characters_are_refused(string password) =>
        PasswordPolicy.Problem(password).ShouldBe(PasswordPolicy.CommonMessage);

    [Fact]
    public void A_run_that_breaks_is_not_a_run() =>
        PasswordPolicy.Problem("abcdefghik").ShouldBeNull();

    [Theory]
    [InlineData("maya.smith1", "maya.smith@example.com")]
    [InlineData("MAYA.SMITH2024", "maya.smith@example.com")]
    public void A_password_that_is_little_more_than_the_email_name_is_refused(string password, string email) =>
        PasswordPolicy.Problem(password, email).ShouldBe(PasswordPolicy.CommonMessage);

    [Fact]
    public void A_long_phrase_that_happens_to_contain_the_email_name_is_fine() =>
        PasswordPolicy.Problem("maya.smith climbs hills at dawn", "maya.smith@example.com").ShouldBeNull();

    [Fact]
    public async Task Identity_uses_the_same_rules_and_explains_the_refusal()
    {
        var policy = new PasswordPolicy();
        var user = new UserAccount { Email = "maya@example.com" };

        var refused = await policy.ValidateAsync(null!, user, "password123");
        var accepted = await policy.ValidateAsync(null!, user, "river stones and tea");

        refused.Succeeded.ShouldBeFalse();
        refused.Errors.ShouldHaveSingleItem().Description.ShouldBe(PasswordPolicy.CommonMessage);
        refused.Errors.Single().Code.ShouldBe("PasswordPolicy");
        accepted.ShouldBe(IdentityResult.Success);
    }

    private static string Phrase(int length) =>
        string.Concat(Enumerable.Repeat("calm strong back ", 10))[..length];
}
