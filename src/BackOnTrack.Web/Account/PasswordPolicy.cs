using BackOnTrack.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace BackOnTrack.Web.Account;

/// <summary>
/// Length over composition: 10 to 128 characters, and not one of the passwords that attackers try first.
/// Used both by Identity (the last word on the server) and by the form validators (inline messages).
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<UserAccount>
{
    public const int MinimumLength = 10;
    public const int MaximumLength = 128;

    public const string TooShortMessage = "Use at least 10 characters. A few unrelated words make a strong, memorable password.";
    public const string TooLongMessage = "Use at most 128 characters.";
    public const string CommonMessage = "This password is too common and is among the first ones attackers try. Choose another.";

    private static readonly HashSet<string> Common = LoadCommonPasswords();

    /// <summary>The problem with a candidate password, or null when it is acceptable.</summary>
    public static string? Problem(string? password, string? email = null)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            return TooShortMessage;
        }

        if (password.Length > MaximumLength)
        {
            return TooLongMessage;
        }

        if (IsCommon(password, email))
        {
            return CommonMessage;
        }

        return null;
    }

    public static bool IsCommon(string password, string? email = null)
    {
        var lowered = password.ToLowerInvariant();
        if (Common.Contains(lowered) || lowered.Distinct().Count() <= 2 || IsRun(lowered))
        {
            return true;
        }

        var localPart = email?.Split('@')[0].ToLowerInvariant();
        return !string.IsNullOrEmpty(localPart) && localPart.Length >= 4 && lowered.Contains(localPart, StringComparison.Ordinal)
            && lowered.Length - localPart.Length < 6;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<UserAccount> manager, UserAccount user, string? password)
    {
        var problem = Problem(password, user.Email);
        return Task.FromResult(problem is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordPolicy", Description = problem }));
    }

    // "abcdefghij", "1234567890", "9876543210": every character one step from the last.
    private static bool IsRun(string value)
    {
        var step = value[1] - value[0];
        if (Math.Abs(step) != 1)
        {
            return false;
        }

        for (var i = 2; i < value.Length; i++)
        {
            if (value[i] - value[i - 1] != step)
            {
                return false;
            }
        }

        return true;
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("BackOnTrack.Web.Account.common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded common password list is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                set.Add(trimmed.ToLowerInvariant());
            }
        }

        return set;
    }
}
