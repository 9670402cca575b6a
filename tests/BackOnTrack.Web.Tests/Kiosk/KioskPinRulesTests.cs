using BackOnTrack.Web.Kiosk;

namespace BackOnTrack.Web.Tests.Kiosk;

/// <summary>Which kiosk PINs are refused, and with which message.</summary>
public sealed class KioskPinRulesTests
{
    [Theory]
    [InlineData("", KioskPin.EmptyMessage)]
    [InlineData("1234", KioskPin.TooShortMessage)]
    [InlineData("48291", KioskPin.TooShortMessage)]
    [InlineData("4829173", KioskPin.FormatMessage)]
    [InlineData("48a917", KioskPin.FormatMessage)]
    [InlineData("48 917", KioskPin.FormatMessage)]
    [InlineData("４８２９１７", KioskPin.FormatMessage)]
    [InlineData("000000", KioskPin.SameDigitMessage)]
    [InlineData("777777", KioskPin.SameDigitMessage)]
    [InlineData("123456", KioskPin.RunMessage)]
    [InlineData("654321", KioskPin.RunMessage)]
    [InlineData("345678", KioskPin.RunMessage)]
    [InlineData("890123", KioskPin.RunMessage)]
    [InlineData("109876", KioskPin.RunMessage)]
    [InlineData("121212", KioskPin.RepeatedPairMessage)]
    [InlineData("696969", KioskPin.RepeatedPairMessage)]
    [InlineData("123123", KioskPin.RepeatedTripleMessage)]
    [InlineData("907907", KioskPin.RepeatedTripleMessage)]
    [InlineData("112233", KioskPin.DoubledMessage)]
    [InlineData("997755", KioskPin.DoubledMessage)]
    [InlineData("123321", KioskPin.MirrorMessage)]
    [InlineData("147258", KioskPin.CommonMessage)]
    [InlineData("159753", KioskPin.CommonMessage)]
    [InlineData("111222", KioskPin.CommonMessage)]
    [InlineData("250389", KioskPin.DateMessage)]
    [InlineData("031285", KioskPin.DateMessage)]
    [InlineData("311299", KioskPin.DateMessage)]
    public void Guessable_or_malformed_PINs_are_refused_with_a_specific_message(string pin, string message) =>
        KioskPin.Problem(pin).ShouldBe(message);

    [Theory]
    [InlineData("482917")]
    [InlineData("730594")]
    [InlineData("903847")]
    [InlineData("593371")]
    [InlineData("324019")]
    public void Ordinary_six_digit_PINs_are_accepted(string pin) => KioskPin.Problem(pin).ShouldBeNull();

    [Fact]
    public void The_form_validator_uses_the_rules_and_checks_the_confirmation()
    {
        var validator = new KioskPinFormValidator();

        validator.Validate(new KioskPinForm { Pin = "123456", ConfirmPin = "123456" }).Errors
            .ShouldHaveSingleItem().ErrorMessage.ShouldBe(KioskPin.RunMessage);
        validator.Validate(new KioskPinForm { Pin = "482917", ConfirmPin = "482971" }).Errors
            .ShouldHaveSingleItem().ErrorMessage.ShouldBe("The two PINs do not match.");
        validator.Validate(new KioskPinForm { Pin = "482917", ConfirmPin = "482917" }).IsValid.ShouldBeTrue();
    }
}
