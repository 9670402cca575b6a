using BackOnTrack.EndToEnd.Tests.Infrastructure;
using Xunit.Sdk;

namespace BackOnTrack.EndToEnd.Tests.Harness;

/// <summary>A machine without Chromium must skip browser tests loudly, never pass them silently; CI makes it a failure.</summary>
public sealed class BrowserFixtureTests
{
    private static readonly string Missing = Path.Combine(Path.GetTempPath(), "no-such-chromium-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Without_a_browser_tests_are_skipped_with_the_reason()
    {
        await using var fixture = new BrowserFixture(Missing, browserRequired: false);
        await fixture.InitializeAsync();

        var skip = Should.Throw<SkipException>(() => fixture.Require());

        skip.Message.ShouldContain($"No Chromium at {Missing}");
        skip.Message.ShouldContain(BrowserFixture.RequireVariable);
    }

    [Fact]
    public async Task Without_a_browser_but_one_required_tests_fail()
    {
        await using var fixture = new BrowserFixture(Missing, browserRequired: true);
        await fixture.InitializeAsync();

        var failure = Should.Throw<FailException>(() => fixture.Require());

        failure.Message.ShouldContain($"No Chromium at {Missing}");
        failure.Message.ShouldContain($"{BrowserFixture.RequireVariable}=1 is set");
    }

    [Fact]
    public void The_default_browser_is_the_system_chromium() =>
        BrowserFixture.DefaultChromium.ShouldBe("/usr/bin/chromium");
}
