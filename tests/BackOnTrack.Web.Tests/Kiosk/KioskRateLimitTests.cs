using System.Net;
using BackOnTrack.Web.Tests.Infrastructure;

namespace BackOnTrack.Web.Tests.Kiosk;

public sealed class KioskRateLimitTests(TightKioskApp app) : IClassFixture<TightKioskApp>
{
    [Fact]
    public async Task Failed_sign_ins_beyond_the_tablets_limit_are_answered_429_and_other_tablets_are_unaffected()
    {
        var member = await app.MemberWithPinAsync("482917");
        var (tablet, _) = await app.EnrolledTabletAsync();
        var (otherTablet, _) = await app.EnrolledTabletAsync();
        using var _ = tablet;
        using var __ = otherTablet;

        // Unknown codes count too, so a tablet cannot be used to hunt for codes.
        for (var attempt = 1; attempt <= TightKioskApp.Limit; attempt++)
        {
            using var wrong = await KioskApp.SignInOnKioskAsync(tablet, $"ZZZZZ{attempt + 1}", "903847");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK, $"failure {attempt} is within the limit");
        }

        using var limited = await KioskApp.SignInOnKioskAsync(tablet, member.MemberCode, "482917");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "even the right PIN waits once the tablet is limited");
        limited.Headers.RetryAfter.ShouldNotBeNull();
        limited.Issues("BackOnTrack.Auth").ShouldBeFalse();
        (await HtmlPage.ReadAsync(limited)).Text.ShouldContain("Too many wrong tries on this tablet");

        using var elsewhere = await KioskApp.SignInOnKioskAsync(otherTablet, member.MemberCode, "482917");
        elsewhere.ShouldRedirect().ShouldBe("/kiosk/home", "the limit belongs to one tablet");
    }
}
