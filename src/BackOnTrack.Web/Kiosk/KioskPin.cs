using FluentValidation;

namespace BackOnTrack.Web.Kiosk;

/// <summary>
/// What makes a kiosk PIN acceptable: exactly six digits, and not one of the patterns people guess first
/// (one digit six times, runs up or down, repeated pairs or triples, doubled digits, mirrors, dates, and a
/// short list of PINs seen most often in leaked PIN sets).
/// </summary>
public static class KioskPin
{
    public const int Length = 6;

    /// <summary>Six-digit PINs that top published frequency lists, beyond what the rules below catch.</summary>
    public static IReadOnlySet<string> Common { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "123654", "147258", "147852", "159357", "159753", "258369", "369258", "321654", "456123", "789456",
        "456789", "987654", "102030", "112358", "147369", "963852", "741852", "852456", "131313", "520520",
        "520131", "789123", "123789", "100200", "111222", "999000", "000999", "123000", "998877", "314159",
    };

    public const string EmptyMessage = "Enter a 6-digit PIN.";
    public const string FormatMessage = "A PIN is exactly 6 digits (0–9), nothing else.";
    public const string TooShortMessage = "A PIN needs 6 digits; shorter PINs are too easy to guess.";
    public const string SameDigitMessage = "All six digits are the same. Choose a PIN that is harder to guess.";
    public const string RunMessage = "Digits counting up or down (like 123456 or 654321) are among the first PINs people try.";
    public const string RepeatedPairMessage = "A repeated pair of digits (like 121212) is easy to guess.";
    public const string RepeatedTripleMessage = "A repeated group of three (like 123123) is easy to guess.";
    public const string DoubledMessage = "Doubled digits (like 112233) are easy to guess.";
    public const string MirrorMessage = "A mirrored PIN (like 123321) is easy to guess.";
    public const string DateMessage = "This looks like a date, such as a birthday, which is easy to guess.";
    public const string CommonMessage = "This PIN is on the list of most-used PINs. Choose another.";

    /// <summary>Null when the PIN is acceptable, else the one message that says what is wrong.</summary>
    public static string? Problem(string? pin)
    {
        if (string.IsNullOrEmpty(pin))
        {
            return EmptyMessage;
        }

        if (!pin.All(char.IsAsciiDigit))
        {
            return FormatMessage;
        }

        if (pin.Length < Length)
        {
            return TooShortMessage;
        }

        if (pin.Length > Length)
        {
            return FormatMessage;
        }

        var d = pin.Select(c => c - '0').ToArray();
        if (d.All(x => x == d[0]))
        {
            return SameDigitMessage;
        }

        if (IsRun(d, +1) || IsRun(d, -1))
        {
            return RunMessage;
        }

        if (d[0] == d[2] && d[2] == d[4] && d[1] == d[3] && d[3] == d[5])
        {
            return RepeatedPairMessage;
        }

        if (d[0] == d[3] && d[1] == d[4] && d[2] == d[5])
        {
            return RepeatedTripleMessage;
        }

        if (d[0] == d[1] && d[2] == d[3] && d[4] == d[5])
        {
            return DoubledMessage;
        }

        if (d[0] == d[5] && d[1] == d[4] && d[2] == d[3])
        {
            return MirrorMessage;
        }

        if (Common.Contains(pin))
        {
            return CommonMessage;
        }

        if (LooksLikeDate(d))
        {
            return DateMessage;
        }

        return null;
    }

    // Each digit one more (or less) than the one before, wrapping 9→0 (890123) and 0→9 (109876).
    private static bool IsRun(int[] d, int step)
    {
        for (var i = 1; i < d.Length; i++)
        {
            if (d[i] != ((d[i - 1] + step) % 10 + 10) % 10)
            {
                return false;
            }
        }

        return true;
    }

    // DDMMYY or MMDDYY: a birthday is the first thing someone who knows the member would try.
    private static bool LooksLikeDate(int[] d)
    {
        var first = d[0] * 10 + d[1];
        var second = d[2] * 10 + d[3];
        return IsDayMonth(first, second) || IsDayMonth(second, first);
    }

    private static bool IsDayMonth(int day, int month) => month is >= 1 and <= 12 && day >= 1 && day <= DaysIn(month);

    private static int DaysIn(int month) => month switch
    {
        2 => 29,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };
}

/// <summary>The member's "set my kiosk PIN" form.</summary>
public sealed class KioskPinForm
{
    public string Pin { get; set; } = "";
    public string ConfirmPin { get; set; } = "";
}

public sealed class KioskPinFormValidator : AbstractValidator<KioskPinForm>
{
    public KioskPinFormValidator()
    {
        RuleFor(f => f.Pin).Must(pin => KioskPin.Problem(pin) is null).WithMessage((_, pin) => KioskPin.Problem(pin) ?? "");
        RuleFor(f => f.ConfirmPin).Equal(f => f.Pin).WithMessage("The two PINs do not match.");
    }
}

/// <summary>What a member types on the kiosk.</summary>
public sealed class KioskSignInForm
{
    public string MemberCode { get; set; } = "";
    public string Pin { get; set; } = "";
}

public sealed class KioskSignInFormValidator : AbstractValidator<KioskSignInForm>
{
    public KioskSignInFormValidator()
    {
        RuleFor(f => f.MemberCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter your member code.")
            .Must(code => Data.Kiosks.KioskStore.NormalizeCode(code).Length == Data.Kiosks.KioskStore.MemberCodeLength)
            .WithMessage("A member code has 6 characters. You find it on your account page at home.");
        RuleFor(f => f.Pin).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter your 6-digit PIN.")
            .Must(pin => pin.Length == KioskPin.Length && pin.All(char.IsAsciiDigit)).WithMessage("Your PIN has 6 digits.");
    }
}

/// <summary>The admin's "enrol a kiosk" form.</summary>
public sealed class EnrolKioskForm
{
    public string Name { get; set; } = "";
    public string Location { get; set; } = "";
}

public sealed class EnrolKioskFormValidator : AbstractValidator<EnrolKioskForm>
{
    public EnrolKioskFormValidator()
    {
        RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Give the tablet a name, like \"Front desk tablet\".")
            .MaximumLength(100).WithMessage("A name has at most 100 characters.");
        RuleFor(f => f.Location).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Say where it stands, like \"Stretching area\"; trainers see it when called.")
            .MaximumLength(100).WithMessage("A location has at most 100 characters.");
    }
}

/// <summary>The enrolment code typed (or carried by the link) on the tablet.</summary>
public sealed class RedeemKioskForm
{
    public string Code { get; set; } = "";
}

public sealed class RedeemKioskFormValidator : AbstractValidator<RedeemKioskForm>
{
    public RedeemKioskFormValidator()
    {
        RuleFor(f => f.Code).NotEmpty().WithMessage("Enter the enrolment code from the admin page.");
    }
}
