using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BackOnTrack.EndToEnd.Tests.Journeys;

/// <summary>
/// Issue 4, journeys 3 and 4: nothing the member did is lost when the page reloads in the middle of a hold,
/// or when the app restarts mid-session; the session comes back at the same step, with no duplicate events.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class SessionResumeJourney(BrowserFixture browser) : EndToEndTest(browser)
{
    private const string HoldCountdown = "[data-countdown-key^='hold:']";

    /// <summary>The WCAG contrast ratio between an element's text colour and its background colour.</summary>
    private const string ContrastScript = """
        e => {
            const rgb = c => c.match(/[\d.]+/g).slice(0, 3).map(Number);
            const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const s = getComputedStyle(e);
            const [a, b] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
            return (a + 0.05) / (b + 0.05);
        }
        """;

    /// <summary>A reload during the second Bridge hold (6 s here, so the reload lands inside it).</summary>
    [Fact]
    public async Task A_reload_in_the_middle_of_a_hold_comes_back_to_the_same_set_with_nothing_lost()
    {
        var server = await StartServerAsync(MemberSteps.ShortTimings(("SessionTimings:ExerciseHoldSecondsOverride", "6")));
        var you = await OpenAsync(server, Viewport.Desktop);
        var page = you.Page;
        await MemberSteps.OnboardedMemberAsync(you);

        var player = new SessionPlayer(you) { CheckInAnswer = nameof(Sensation.Nothing) };
        await player.StartFromHomeAsync();
        var sessionId = player.SessionId;
        var set = await player.RunToSetAsync("Bridge", 2);
        await Assertions.Expect(page.GetByTestId("end-hold")).ToBeVisibleAsync(); // the get-ready is over: holding now
        var step = await player.StepTextAsync();
        step.ShouldContain("Bridge · set 2 of 3");
        var deadline = await page.Locator(HoldCountdown).GetAttributeAsync("data-deadline");
        var rowsBefore = (await JourneyDatabase.SessionAsync(server, sessionId)).Rows.Count;
        await MemberSteps.ScreenAsync(you, "hold-before-reload");

        await page.ReloadAsync();

        var back = await player.ReadAsync();
        back.ShouldBe(set, "the same phase and the same recorded state after the reload");
        (await player.StepTextAsync()).ShouldBe(step);
        await Assertions.Expect(page.Locator(HoldCountdown)).ToHaveAttributeAsync("data-deadline", deadline!); // the same hold, not a new one
        await Assertions.Expect(page.GetByTestId("end-hold")).ToBeVisibleAsync();
        await MemberSteps.ScreenAsync(you, "hold-after-reload");
        var reloaded = await JourneyDatabase.SessionAsync(server, sessionId);
        reloaded.Rows.Count.ShouldBe(rowsBefore, "a reload records nothing");
        reloaded.SetsOf(0).ShouldHaveSingleItem("set 1 is still there").SetNumber.ShouldBe(1);
        reloaded.CheckIns.Count.ShouldBe(1);

        // The hold ends by itself in the reloaded page, and the session carries on.
        var checkIn = await player.WaitPastAsync(set.Version);
        checkIn.Phase.ShouldBe(nameof(SessionPhase.CheckIn));
        (await player.StepTextAsync()).ShouldContain("Bridge · set 2 of 3 done");
        await player.StepAsync(checkIn);

        var stored = await JourneyDatabase.SessionAsync(server, sessionId);
        stored.ShouldBeIntact();
        stored.SetsOf(0).Select(s => s.SetNumber).ShouldBe(Enumerable.Range(1, 2));
        stored.SetsOf(0)[1].HoldSecondsDone.ShouldBe(6, "the whole hold counted");
        stored.Events.OfType<SetStarted>().Count(s => s.ExerciseIndex == 0 && s.SetNumber == 2).ShouldBe(1, "the set was not started again");
        stored.CheckIns.Select(c => c.SetNumber).ShouldBe(Enumerable.Range(1, 2));
    }

    /// <summary>The server stops and starts again (same data folder and port) while a check-in is waiting.</summary>
    [Fact]
    public async Task After_the_app_restarts_mid_session_the_member_comes_back_to_the_same_step()
    {
        var server = await StartServerAsync(MemberSteps.ShortTimings());
        var you = await OpenAsync(server, Viewport.Phone);
        var page = you.Page;
        var member = await MemberSteps.OnboardedMemberAsync(you);

        var player = new SessionPlayer(you);
        await player.StartFromHomeAsync();
        var sessionId = player.SessionId;
        var waiting = await player.RunToSetAsync("Bridge", 1, nameof(SessionPhase.CheckIn));
        var step = await player.StepTextAsync();
        var rowsBefore = (await JourneyDatabase.SessionAsync(server, sessionId)).Rows.Count;
        await MemberSteps.ScreenAsync(you, "check-in-before-restart");

        await you.WhileExpectingAsync(BrowserSession.IsConnectionLoss, async () =>
        {
            await page.EvaluateAsync("() => window.__beforeRestart = true");
            await server.StopAsync();
            var banner = page.Locator("#components-reconnect-modal");
            await Assertions.Expect(banner).ToBeVisibleAsync();
            await Expect(banner, "Your recorded sets are safe");
            await you.ScreenshotAsync("reconnecting");
            var contrast = await banner.EvaluateAsync<double>(ContrastScript);
            contrast.ShouldBeGreaterThanOrEqualTo(4.5, "the banner's text is readable on its background (WCAG AA)");
            await server.StartAsync();

            // The page finds the circuit gone and reloads itself; the sign-in cookie still works (keys in the data folder).
            await page.WaitForFunctionAsync("() => !window.__beforeRestart", null, new() { Timeout = 45_000 });
            await player.ExpectPhaseAsync(waiting.Phase);
        });

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, $"/session/{sessionId}").ToString());
        var back = await player.ReadAsync();
        back.ShouldBe(waiting);
        (await player.StepTextAsync()).ShouldBe(step);
        await MemberSteps.ScreenAsync(you, "check-in-after-restart");
        (await JourneyDatabase.SessionAsync(server, sessionId)).Rows.Count.ShouldBe(rowsBefore, "the restart lost and added nothing");

        // The session carries on after the restart.
        var rest = await player.StepAsync(back);
        rest.Phase.ShouldBe(nameof(SessionPhase.Rest));
        var stored = await JourneyDatabase.SessionAsync(server, sessionId);
        stored.ShouldBeIntact();
        stored.SetsOf(0).ShouldHaveSingleItem().SetNumber.ShouldBe(1);
        stored.CheckIns.Single().Sensation.ShouldBe(Sensation.MuscleBurn);

        // The home page offers to resume this session.
        await MemberSteps.GoHomeAsync(you, member);
        await Assertions.Expect(page.GetByTestId("resume").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/session/{sessionId}");
        await MemberSteps.ScreenAsync(you, "home-resume");
    }
}
