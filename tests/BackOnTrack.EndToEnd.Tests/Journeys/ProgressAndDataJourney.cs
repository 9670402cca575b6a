using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.EndToEnd.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BackOnTrack.EndToEnd.Tests.Journeys;

/// <summary>
/// Issue 5 end to end, at phone size: after the evening stretches and a training session, and the next-day
/// answer (S9), the progress page shows them (adherence, stretching and check-in summaries) and the member's
/// JSON and CSV exports download, parse, and hold their sessions.
/// </summary>
/// <remarks>
/// "The day after" without waiting a day: once the training session has ended, the journey moves its
/// TrainingSessions header (StartedUtc, EndedUtc, LastEventUtc) back 24 hours in the database — the next-day
/// question is asked about a session whose EndedUtc falls on an earlier day. The event log and the stored
/// outcome keep the real times, so the progress page still counts both sessions today.
/// </remarks>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class ProgressAndDataJourney(BrowserFixture browser) : EndToEndTest(browser)
{
    [Fact]
    public async Task After_two_sessions_and_a_next_day_answer_progress_shows_them_and_the_export_holds_them()
    {
        var server = await StartServerAsync(MemberSteps.ShortTimings());
        var you = await OpenAsync(server, Viewport.Phone);
        var page = you.Page;
        var member = await MemberSteps.OnboardedMemberAsync(you);
        var memberId = await JourneyDatabase.MemberIdAsync(server, member);
        await MemberSteps.ScreenAsync(you, "home");

        // 1. The evening stretches (S2), a session of their own.
        var player = new SessionPlayer(you);
        await player.StartFromHomeAsync("start-evening");
        var eveningId = player.SessionId;
        (await player.RunUntilAsync(s => s.Phase == nameof(SessionPhase.Summary))).Phase.ShouldBe(nameof(SessionPhase.Summary));
        await MemberSteps.ScreenAsync(you, "evening-summary");
        await FinishAsync(player);

        // 2. A whole training session.
        await player.StartFromHomeAsync();
        var trainingId = player.SessionId;
        (await player.RunUntilAsync(s => s.Phase == nameof(SessionPhase.Summary))).Phase.ShouldBe(nameof(SessionPhase.Summary));
        await MemberSteps.ScreenAsync(you, "training-summary");
        await FinishAsync(player);

        var evening = await JourneyDatabase.SessionAsync(server, eveningId);
        var training = await JourneyDatabase.SessionAsync(server, trainingId);
        evening.Header.Kind.ShouldBe(nameof(SessionKind.StretchingOnly));
        evening.Header.Status.ShouldBe("Completed");
        training.Header.Kind.ShouldBe(nameof(SessionKind.Training));
        training.Header.Status.ShouldBe("Completed");

        // 3. S9: no next-day question on the day of the session; the day after, once.
        await Assertions.Expect(page.GetByTestId("today")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("next-day")).ToHaveCountAsync(0);
        (await JourneyDatabase.BackdateAsync(server, trainingId, TimeSpan.FromDays(1))).ShouldBe(1);
        await MemberSteps.GoHomeAsync(you, member);
        var question = page.GetByTestId("next-day");
        await Assertions.Expect(question).ToBeVisibleAsync();
        await MemberSteps.ScreenAsync(you, "next-day-question");
        await question.Locator("[data-answer=Better]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("next-day-thanks")).ToBeVisibleAsync();
        await MemberSteps.ScreenAsync(you, "next-day-answered");
        var answers = await JourneyDatabase.QueryAsync(server, db => db.NextDayChecks.AsNoTracking().Where(c => c.MemberId == memberId).ToListAsync());
        answers.Count.ShouldBe(1);
        answers[0].SessionId.ShouldBe(trainingId);
        answers[0].Answer.ShouldBe("Better");
        await MemberSteps.GoHomeAsync(you, member);
        await Assertions.Expect(page.GetByTestId("next-day")).ToHaveCountAsync(0, new() { Timeout = 2_000 });

        // 4. Progress: both sessions counted, in words as well as charts.
        await page.GotoAsync("/progress");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your progress" })).ToBeVisibleAsync();
        await you.WaitForSettledAsync();
        var weeks = page.GetByTestId("adherence-chart").GetByTestId("chart-summary");
        await Assertions.Expect(weeks).ToContainTextAsync("This week so far: 1 of 3.");
        var stretchSeconds = evening.Events.Concat(training.Events).OfType<StretchHoldFinished>().Sum(h => h.SecondsHeld);
        stretchSeconds.ShouldBeGreaterThan(0);
        var stretching = page.GetByTestId("stretching-chart").GetByTestId("chart-summary");
        await Assertions.Expect(stretching).ToContainTextAsync("you stretched on 1,");
        await Assertions.Expect(stretching).ToContainTextAsync($"Today: {(stretchSeconds / 60.0).ToString("0.#", CultureInfo.InvariantCulture)} minutes.");
        var burns = training.CheckIns.Count(c => c.Sensation == Sensation.MuscleBurn);
        burns.ShouldBe(training.Sets.Count);
        await Assertions.Expect(page.GetByTestId("check-in-chart").GetByTestId("chart-summary")).ToContainTextAsync($"{burns} muscle burn");
        await MemberSteps.ScreenAsync(you, "progress");

        await page.GotoAsync("/history");
        await Assertions.Expect(page.GetByTestId("history-table").Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator($"tr[data-session='{eveningId}'] td").Nth(0)).ToHaveTextAsync("Stretching");
        await Assertions.Expect(page.Locator($"tr[data-session='{trainingId}'] td").Nth(1)).ToHaveTextAsync(training.Sets.Count.ToString(CultureInfo.InvariantCulture));
        await MemberSteps.ScreenAsync(you, "history");

        // 5. The member's data: the JSON export downloads, parses and holds both sessions, every event and the answer.
        await page.GotoAsync("/account/data");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your data" })).ToBeVisibleAsync();
        await MemberSteps.ScreenAsync(you, "your-data");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-json").ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".json");
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
        var tables = json.RootElement.GetProperty("tables");
        tables.GetProperty("Account")[0].GetProperty("Email").GetString().ShouldBe(member.Email);
        var sessions = tables.GetProperty("TrainingSessions").EnumerateArray().ToList();
        sessions.Select(s => s.GetProperty("Id").GetGuid()).ShouldBe([eveningId, trainingId], ignoreOrder: true);
        sessions.ShouldAllBe(s => s.GetProperty("MemberId").GetString() == memberId);
        sessions.ShouldAllBe(s => s.GetProperty("Status").GetString() == "Completed");
        tables.GetProperty("SessionEvents").GetArrayLength().ShouldBe(evening.Rows.Count + training.Rows.Count);
        var exportedAnswer = tables.GetProperty("NextDayChecks").EnumerateArray().ShouldHaveSingleItem();
        exportedAnswer.GetProperty("SessionId").GetGuid().ShouldBe(trainingId);
        exportedAnswer.GetProperty("Answer").GetString().ShouldBe("Better");

        // ... and the CSV zip opens, with the sessions in its TrainingSessions.csv.
        var zipDownload = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-zip").ClickAsync());
        await using var zip = await ZipFile.OpenReadAsync(await zipDownload.PathAsync(), TestContext.Current.CancellationToken);
        var entry = zip.GetEntry("TrainingSessions.csv").ShouldNotBeNull();
        using var reader = new StreamReader(await entry.OpenAsync(TestContext.Current.CancellationToken));
        var csv = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
        csv.ShouldContain(eveningId.ToString());
        csv.ShouldContain(trainingId.ToString());
        you.AssertNoProblems("after the downloads");
    }

    private static async Task FinishAsync(SessionPlayer player)
    {
        await player.Page.GetByTestId("finish-session").ClickAsync();
        await player.ExpectPhaseAsync(nameof(SessionPhase.Completed));
        await player.Page.GetByTestId("back-home").ClickAsync();
        await Assertions.Expect(player.Page.GetByTestId("today")).ToBeVisibleAsync();
    }
}
