using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Trainers;
using BackOnTrack.Domain.Safety;

namespace BackOnTrack.Data.Tests.Trainers;

/// <summary>A client's log for the trainer: pages and filters in the database, the CSV export, and the DESIGN §6 budgets.</summary>
public sealed class ClientLogStoreTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_are_newest_first_and_filters_pick_by_date_exercise_and_stops()
    {
        await using var db = await TrainerTestKit.MigratedAsync(Cancel);
        var ana = await db.AddAccountAsync("Ana", Roles.Member);
        var ben = await db.AddAccountAsync("Ben", Roles.Member);
        // 25 days: a stop on day 5 and day 20; on days 10-14 bridge was skipped.
        await db.BulkAsync(ana, 25, i => i is 5 or 20
            ? TrainerTestKit.Played(Guid.NewGuid(), ana, TrainerTestKit.T0, setsPerExercise: 1, stopAfterSets: 1, stop: Sensation.SharpPain)
            : i is >= 10 and <= 14
                ? TrainerTestKit.Played(Guid.NewGuid(), ana, TrainerTestKit.T0, setsPerExercise: 1, skipExercises: ["bridge"])
                : TrainerTestKit.Played(Guid.NewGuid(), ana, TrainerTestKit.T0, setsPerExercise: 1));
        await db.BulkAsync(ben, 3, _ => TrainerTestKit.Played(Guid.NewGuid(), ben, TrainerTestKit.T0, setsPerExercise: 1));
        var log = db.ClientLogStore();

        var first = await log.PageAsync(ana, ClientLogFilter.All, 1, Cancel);
        first.TotalCount.ShouldBe(25);
        first.Items.Count.ShouldBe(20);
        first.Items.Select(i => i.StartedUtc).ShouldBeInOrder(SortDirection.Descending);
        first.Items[0].StartedUtc.Date.ShouldBe(TrainerTestKit.T0.UtcDateTime.Date.AddDays(24));
        first.Items[0].Outcome.ShouldNotBeNull().Exercises.Count.ShouldBe(5);
        first.Items[0].Advice.ShouldHaveSingleItem();
        var second = await log.PageAsync(ana, ClientLogFilter.All, 2, Cancel);
        second.Items.Count.ShouldBe(5);
        (await log.PageAsync(ana, ClientLogFilter.All, 99, Cancel)).Page.ShouldBe(2, "a page past the end shows the last page");

        var stops = await log.PageAsync(ana, new ClientLogFilter(OnlyStops: true), 1, Cancel);
        stops.Items.Select(i => i.StartedUtc.Day).ShouldBe([TrainerTestKit.T0.AddDays(20).Day, TrainerTestKit.T0.AddDays(5).Day]);
        stops.Items.ShouldAllBe(i => i.StoppedForSafety && i.Outcome!.StopReason == Domain.Sessions.StopReason.SharpPain);

        // The day-5 and day-20 stops happened in the first exercise (bridge), so they count for bridge; the skipped days do not.
        (await log.PageAsync(ana, new ClientLogFilter(ExerciseId: "bridge"), 1, Cancel)).TotalCount.ShouldBe(20);
        (await log.PageAsync(ana, new ClientLogFilter(ExerciseId: "superman"), 1, Cancel)).TotalCount.ShouldBe(23, "the stopped sessions never reached superman");

        var week = new ClientLogFilter(FromUtc: TrainerTestKit.T0.UtcDateTime.Date.AddDays(10), ToUtc: TrainerTestKit.T0.UtcDateTime.Date.AddDays(17));
        (await log.PageAsync(ana, week, 1, Cancel)).TotalCount.ShouldBe(7);
        (await log.PageAsync(ana, week with { ExerciseId = "bridge" }, 1, Cancel)).TotalCount.ShouldBe(2);

        (await log.PageAsync(ben, ClientLogFilter.All, 1, Cancel)).TotalCount.ShouldBe(3, "never another member's sessions");
    }

    [Fact]
    public async Task The_csv_has_one_row_per_set_with_its_check_in_and_rows_for_holds_stops_ratings_and_advice()
    {
        await using var db = await TrainerTestKit.MigratedAsync(Cancel);
        var ana = await db.AddAccountAsync("Ana", Roles.Member);
        await db.SaveAsync(TrainerTestKit.Played(Guid.NewGuid(), ana, TrainerTestKit.T0, setsPerExercise: 2));
        await db.SaveAsync(TrainerTestKit.Played(Guid.NewGuid(), ana, TrainerTestKit.T0.AddDays(1), setsPerExercise: 2, stopAfterSets: 3));

        var csv = await CsvAsync(db.ClientLogStore(), ana);

        var rows = Parse(csv).Skip(1).ToList();
        rows.ShouldAllBe(r => r.Length == ClientLogStore.CsvColumns.Count);
        var sets = rows.Where(r => r[5] == "set").ToList();
        sets.Count.ShouldBe(10 + 3);
        sets[0][7..].ShouldBe(["Bridge", "Bridge Hold", "1", "5", "", "5", "", "MuscleBurn", "2", "Good", ""]);
        rows.Where(r => r[5] == "stop").ShouldHaveSingleItem()[14].ShouldBe("SpineFelt");
        rows.Count(r => r[5] == "rating").ShouldBe(1, "the stopped session was not rated");
        rows.ShouldContain(r => r[5] == "stretch");
        rows.Select(r => r[0]).Distinct().Count().ShouldBe(2);
        rows.Select(r => r[1]).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public async Task A_client_with_1000_sessions_and_30000_sets_pages_twenty_at_a_time_and_exports_every_set()
    {
        // Speed is measured by the perf harness against DESIGN.md section 6 (perf/), never with a stopwatch here.
        await using var db = await TrainerTestKit.MigratedAsync(Cancel);
        var ana = await db.AddAccountAsync("Ana", Roles.Member);
        var clean = TrainerTestKit.Played(Guid.NewGuid(), ana, TrainerTestKit.T0, setsPerExercise: 6);
        await db.BulkAsync(ana, 1_000, _ => clean);
        var log = db.ClientLogStore();

        var total = await log.CountAsync(ana, Cancel);
        var page = await log.PageAsync(ana, ClientLogFilter.All, 1, Cancel);
        (total, page.Items.Count).ShouldBe((1_000, 20));

        var filtered = await log.PageAsync(ana, new ClientLogFilter(ExerciseId: "bird-dog", OnlyStops: false), 3, Cancel);
        filtered.TotalCount.ShouldBe(1_000);
        filtered.Items.Count.ShouldBe(20);

        var csv = await CsvAsync(log, ana);
        csv.Split('\n').Skip(1).Count(l => l.Contains(",set,", StringComparison.Ordinal)).ShouldBe(30_000);
    }

    /// <summary>RFC 4180: quoted fields may hold commas and doubled quotes.</summary>
    private static IEnumerable<string[]> Parse(string csv)
    {
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = new List<string>();
            var field = new System.Text.StringBuilder();
            var quoted = false;
            var text = line.TrimEnd('\r');
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted && c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (c == ',' && !quoted)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }

    private static async Task<string> CsvAsync(ClientLogStore log, string memberId)
    {
        await using var writer = new StringWriter();
        await log.WriteCsvAsync(memberId, writer, Cancel);
        return writer.ToString();
    }
}
