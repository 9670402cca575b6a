using System.Globalization;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BackOnTrack.EndToEnd.Tests.Journeys;

/// <summary>
/// Issue 4, journeys 1 and 2: a member trains a whole session from the readiness check to the summary, and
/// what the summary and the history show is what the database holds; and a spine report ends a session at
/// once (S6) and the next session's plan for that exercise steps back (S7).
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class TrainingSessionJourney(BrowserFixture browser) : EndToEndTest(browser)
{
    private static readonly string[] ExerciseNames = ["Bridge", "Back Hyperextension", "Superman", "Kettlebell Swing", "Bird Dog"];

    /// <summary>Full journey at desktop size, a screenshot of every kind of screen on the way.</summary>
    [Fact]
    public async Task A_member_trains_a_whole_session_and_the_summary_and_history_agree_with_the_database()
    {
        var server = await StartServerAsync(MemberSteps.ShortTimings());
        var you = await OpenAsync(server, Viewport.Desktop);
        var page = you.Page;
        var member = await MemberSteps.OnboardedMemberAsync(you, atOnboardingForm: () => MemberSteps.ScreenAsync(you, "onboarding"));

        var today = page.GetByTestId("today");
        foreach (var name in ExerciseNames)
        {
            await Expect(today, name);
        }

        await MemberSteps.ScreenAsync(you, "home-today");

        // Readiness, warm-up, five exercises (every set, "muscle burn" at every check-in), rests, cool-down.
        var player = new SessionPlayer(you) { CheckInAnswer = nameof(Sensation.MuscleBurn), SkipRests = false };
        await player.StartFromHomeAsync();
        var sessionId = player.SessionId;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rests = 0;
        var end = await player.RunUntilAsync(s => s.Phase == nameof(SessionPhase.Summary), async screen =>
        {
            if (screen.Phase == nameof(SessionPhase.Rest) && ++rests > 1)
            {
                player.SkipRests = true; // the first rest runs out by itself; the others are skipped
            }

            var key = screen.Phase is "Briefing" ? $"{screen.Phase}-{await page.Locator(".player-stage h1").First.TextContentAsync()}" : screen.Phase;
            if (seen.Add(key))
            {
                await MemberSteps.ScreenAsync(you, $"player-{key}");
            }
        });
        end.Phase.ShouldBe(nameof(SessionPhase.Summary));
        rests.ShouldBeGreaterThan(1);

        // The summary's table says what the log says: every set of every exercise, and every check-in.
        var stored = await JourneyDatabase.SessionAsync(server, sessionId);
        stored.ShouldBeIntact();
        stored.Header.Status.ShouldBe("InProgress", "the summary is not final until the member finishes");
        stored.Plan.Exercises.Select(e => e.Name).ShouldBe(ExerciseNames);
        var table = page.GetByTestId("summary-table");
        for (var i = 0; i < stored.Plan.Exercises.Count; i++)
        {
            var exercise = stored.Plan.Exercises[i];
            var sets = stored.SetsOf(i);
            sets.Count.ShouldBe(exercise.Variation.Sets, $"{exercise.Name}: every planned set was done");
            sets.Select(s => s.SetNumber).ShouldBe(Enumerable.Range(1, exercise.Variation.Sets));
            var checkIns = stored.CheckIns.Where(c => c.ExerciseIndex == i).ToList();
            checkIns.Count.ShouldBe(sets.Count);
            checkIns.ShouldAllBe(c => c.Sensation == Sensation.MuscleBurn);

            var row = table.Locator($"tr[data-exercise='{exercise.ExerciseId}']");
            await Assertions.Expect(row.Locator("th")).ToContainTextAsync(exercise.Name);
            await Assertions.Expect(row.Locator("td").Nth(0)).ToHaveTextAsync(string.Join(", ", sets.Select(SetText)));
            await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(string.Join(", ", checkIns.Select(_ => "Muscle burn")));
        }

        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(stored.Plan.Exercises.Count);
        stored.Events.OfType<StretchHoldFinished>().Count(h => h.Part == StretchPart.WarmUp)
            .ShouldBe(stored.Plan.WarmUp.Sum(s => s.PerSide ? 2 : 1), "every warm-up stretch was held (each side)");
        stored.Events.OfType<StretchHoldFinished>().Count(h => h.Part == StretchPart.CoolDown)
            .ShouldBe(stored.Plan.CoolDown.Sum(s => s.PerSide ? 2 : 1), "every cool-down stretch was held (each side)");
        stored.Events.OfType<RestEnded>().Count().ShouldBe(stored.Plan.Exercises.Sum(e => e.Variation.Sets - 1));
        stored.Events.OfType<RestEnded>().Count(r => !r.Skipped).ShouldBe(1, "one rest ran out by itself");

        await page.GetByTestId("finish-session").ClickAsync();
        await player.ExpectPhaseAsync(nameof(SessionPhase.Completed));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Session complete" }), "Session complete");
        await MemberSteps.ScreenAsync(you, "player-completed");

        stored = await JourneyDatabase.SessionAsync(server, sessionId);
        stored.ShouldBeIntact();
        stored.Header.Status.ShouldBe("Completed");
        stored.Header.EndedUtc.ShouldNotBeNull();
        stored.Header.OutcomeJson.ShouldNotBeNull();
        stored.Events[^1].ShouldBeOfType<SessionCompleted>();
        var totalSets = stored.Sets.Count;
        totalSets.ShouldBe(stored.Plan.Exercises.Sum(e => e.Variation.Sets));

        await page.GetByTestId("back-home").ClickAsync();
        await Assertions.Expect(page.GetByTestId("today")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("resume")).ToHaveCountAsync(0);
        await MemberSteps.ScreenAsync(you, "home-after-session");

        // History: the list and the session's detail page say the same.
        await page.GotoAsync("/history");
        var listed = page.Locator($"tr[data-session='{sessionId}']");
        await Assertions.Expect(page.GetByTestId("history-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(listed.Locator("td").Nth(0)).ToHaveTextAsync("Training");
        await Assertions.Expect(listed.Locator("td").Nth(1)).ToHaveTextAsync(totalSets.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(listed.Locator("td").Nth(2)).ToHaveTextAsync("Completed");
        await MemberSteps.ScreenAsync(you, "history");

        await listed.Locator("th a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, $"/history/{sessionId}").ToString());
        var log = page.GetByTestId("session-log");
        await Assertions.Expect(log).ToBeVisibleAsync();
        for (var i = 0; i < stored.Plan.Exercises.Count; i++)
        {
            var exercise = stored.Plan.Exercises[i];
            var section = log.Locator($"section[data-exercise='{exercise.ExerciseId}']");
            var rows = section.GetByTestId("log-set");
            await Assertions.Expect(rows).ToHaveCountAsync(stored.SetsOf(i).Count);
            foreach (var set in stored.SetsOf(i))
            {
                var row = rows.Nth(set.SetNumber - 1);
                await Assertions.Expect(row.Locator("th")).ToContainTextAsync(set.SetNumber.ToString(CultureInfo.InvariantCulture));
                await Assertions.Expect(row.Locator("td").Nth(0)).ToContainTextAsync($"{set.RepsDone ?? set.HoldSecondsDone} of");
                await Assertions.Expect(row.Locator("td").Nth(1)).ToContainTextAsync("Muscle burn");
            }
        }

        await Assertions.Expect(log.GetByTestId("log-stop")).ToHaveCountAsync(0);
        await Assertions.Expect(log.GetByTestId("log-advice").Locator("li")).ToHaveCountAsync(stored.Plan.Exercises.Count);
        await MemberSteps.ScreenAsync(you, "history-detail");
    }

    /// <summary>S6 and S7 at phone size: "something in my spine" at the first check-in.</summary>
    [Fact]
    public async Task A_spine_report_at_the_first_check_in_stops_the_session_at_once_and_the_next_plan_steps_back()
    {
        // The Bridge hold keeps its real 20 s (the member ends it early), so the plan's hold time shows on the home page.
        var settings = new Dictionary<string, string?>(MemberSteps.ShortTimings(), StringComparer.OrdinalIgnoreCase);
        settings.Remove("SessionTimings:ExerciseHoldSecondsOverride");
        var server = await StartServerAsync(settings);
        var you = await OpenAsync(server, Viewport.Phone);
        var page = you.Page;
        var member = await MemberSteps.OnboardedMemberAsync(you);
        var memberId = await JourneyDatabase.MemberIdAsync(server, member);

        var before = await JourneyDatabase.PlanAsync(server, memberId);
        var bridgeBefore = before.Find("bridge").ShouldNotBeNull();
        bridgeBefore.VariationId.ShouldBe("bridge-hold", "S3: everyone starts at the easiest variation");
        bridgeBefore.ProgressionHeld.ShouldBeFalse();
        var bridgeLine = page.GetByTestId("today").Locator("li", new() { HasText = "Bridge Hold" });
        await Expect(bridgeLine, $"{bridgeBefore.Sets} × {bridgeBefore.Amount} s");
        await MemberSteps.ScreenAsync(you, "home-today");

        var player = new SessionPlayer(you);
        await player.StartFromHomeAsync();
        var sessionId = player.SessionId;
        await MemberSteps.ScreenAsync(you, "readiness");
        await player.RunUntilAsync(s => s.Phase == nameof(SessionPhase.Briefing));
        await Expect(page.Locator(".player-stage h1"), "Bridge");
        await MemberSteps.ScreenAsync(you, "briefing");
        var set = await player.RunToSetAsync("Bridge", 1);
        await Assertions.Expect(page.GetByTestId("end-hold")).ToBeVisibleAsync();
        await MemberSteps.ScreenAsync(you, "hold");
        await page.GetByTestId("end-hold").ClickAsync();
        var checkIn = await player.WaitPastAsync(set.Version);
        checkIn.Phase.ShouldBe(nameof(SessionPhase.CheckIn));
        await MemberSteps.ScreenAsync(you, "check-in");

        // The STOP control is there on every screen; opened and closed again here.
        await page.GetByTestId("stop").ClickAsync();
        await Assertions.Expect(page.Locator("[data-stop=SpineFelt]")).ToBeVisibleAsync();
        await MemberSteps.ScreenAsync(you, "stop-panel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Back to the session" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-stop]")).ToHaveCountAsync(0);

        await page.Locator("[data-sensation=SpineFelt]").ClickAsync();
        var stopped = await player.WaitPastAsync(checkIn.Version);
        stopped.Phase.ShouldBe(nameof(SessionPhase.StoppedForSafety), "a spine report ends the session at once");
        var panel = page.GetByTestId("safety-stop");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Expect(panel, "spine");
        await Assertions.Expect(page.GetByTestId("stop")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("advice")).ToContainTextAsync("You stopped Bridge for safety (felt in the spine)");
        await MemberSteps.ScreenAsync(you, "safety-stop");

        var stored = await JourneyDatabase.SessionAsync(server, sessionId);
        stored.ShouldBeIntact();
        stored.Header.Status.ShouldBe("StoppedForSafety");
        stored.Header.EndedUtc.ShouldNotBeNull();
        stored.Sets.Count.ShouldBe(1);
        stored.Rows.Count.ShouldBe(stopped.Version);
        stored.Rows.Count.ShouldBe(checkIn.Version + 2, "the answer recorded two events and nothing else happened");
        var stop = stored.Events[^2].ShouldBeOfType<SessionStoppedForSafety>("the stop is recorded before anything else of that answer");
        stop.Reason.ShouldBe(StopReason.SpineFelt);
        stop.ExerciseId.ShouldBe("bridge");
        stored.Events[^1].ShouldBeOfType<CheckInRecorded>().Sensation.ShouldBe(Sensation.SpineFelt);

        // S7: Bridge steps back. It is already the easiest variation, so the app holds it there with a shorter
        // hold and puts progression on hold; the other exercises are untouched.
        var after = await JourneyDatabase.PlanAsync(server, memberId);
        var bridgeAfter = after.Find("bridge").ShouldNotBeNull();
        bridgeAfter.VariationId.ShouldBe(bridgeBefore.VariationId);
        bridgeAfter.Amount.ShouldBeLessThan(bridgeBefore.Amount, "a shorter hold for the next session");
        bridgeAfter.ProgressionHeld.ShouldBeTrue();
        after.Exercises.Where(e => e.ExerciseId != "bridge").ShouldBe(before.Exercises.Where(e => e.ExerciseId != "bridge"));

        await page.GetByTestId("back-home").ClickAsync();
        await Expect(bridgeLine, $"{bridgeAfter.Sets} × {bridgeAfter.Amount} s");
        await MemberSteps.ScreenAsync(you, "home-after-stop");

        // The next session is planned from the stepped-back prescription.
        await player.StartFromHomeAsync();
        player.SessionId.ShouldNotBe(sessionId);
        var next = await JourneyDatabase.SessionAsync(server, player.SessionId);
        var nextBridge = next.Plan.Exercises.Single(e => e.ExerciseId == "bridge").Variation;
        nextBridge.VariationId.ShouldBe(bridgeAfter.VariationId);
        nextBridge.Amount.ShouldBe(bridgeAfter.Amount);
    }

    private static string SetText(SetCompleted set) =>
        set.HoldSecondsDone is { } seconds ? $"{seconds}s" : set.RepsDone?.ToString(CultureInfo.InvariantCulture) ?? "";
}
