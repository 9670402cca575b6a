using System.Globalization;
using BackOnTrack.Web.Session;
using Bunit;

namespace BackOnTrack.Web.Tests.Session;

public sealed class CountdownTests : BunitContext
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(75_000, "1:15")]
    [InlineData(60_000, "1:00")]
    [InlineData(59_000, "59")]
    [InlineData(9_200, "10")]   // a part second still shows: never reach 0 early
    [InlineData(600_000, "10:00")]
    [InlineData(0, "0")]
    [InlineData(-5_000, "0")]   // a deadline already passed shows 0, not a negative number
    public void Shows_the_time_left_from_deadline_minus_now(int millisecondsLeft, string digits)
    {
        var countdown = Render<Countdown>(p => p
            .Add(c => c.Deadline, Now.AddMilliseconds(millisecondsLeft))
            .Add(c => c.Now, Now)
            .Add(c => c.Key, "hold:7")
            .Add(c => c.Label, "Hold"));

        countdown.Find("[data-countdown-text]").TextContent.ShouldBe(digits);
    }

    [Fact]
    public void Carries_the_deadline_in_ISO_8601_for_the_browser_to_count_down_from()
    {
        var deadline = new DateTimeOffset(2025, 3, 3, 9, 30, 15, TimeSpan.FromHours(1)).AddMilliseconds(250);

        var countdown = Render<Countdown>(p => p
            .Add(c => c.Deadline, deadline)
            .Add(c => c.Now, deadline.AddSeconds(-75))
            .Add(c => c.Key, "rest:12")
            .Add(c => c.Label, "Rest")
            .Add(c => c.TotalSeconds, 90));

        var timer = countdown.Find("[role=timer]");
        var attribute = timer.GetAttribute("data-deadline").ShouldNotBeNull();
        attribute.ShouldBe("2025-03-03T09:30:15.2500000+01:00");
        DateTimeOffset.ParseExact(attribute, "O", CultureInfo.InvariantCulture).ShouldBe(deadline);
        timer.GetAttribute("data-countdown-key").ShouldBe("rest:12");
        timer.GetAttribute("aria-label").ShouldBe("Rest");
        countdown.Find("[data-countdown-text]").TextContent.ShouldBe("1:15");
    }
}
