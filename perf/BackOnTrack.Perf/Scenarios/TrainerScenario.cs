using System.Diagnostics;
using BackOnTrack.Perf.Circuits;
using BackOnTrack.Perf.Reporting;
using Microsoft.Data.Sqlite;

namespace BackOnTrack.Perf.Scenarios;

/// <summary>
/// (3) Trainer log: a trainer opens the long-history client at /trainer/clients/{id} (timed from the
/// page request to the render that shows the log table), pages back through the log with "Older", and
/// downloads the CSV export of everything (timed to the last byte).
/// </summary>
internal static class TrainerScenario
{
    public static async Task<ScenarioResult> RunAsync(Target target, string trainerCookie, string clientCookie, int opens, int pages, CancellationToken cancellationToken)
    {
        var recorder = new Recorder();
        var clientId = ClientId(target.DataDirectory);
        var before = await ServerStats.ReadAsync(target.Http, target.Origin, collect: true, cancellationToken);
        var path = $"/trainer/clients/{clientId}";
        long csvBytes = 0;
        for (var round = 0; round < opens; round++)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                await using var client = new CircuitClient(target.Http, target.Origin, trainerCookie);
                await client.StartAsync(path, cancellationToken);
                var at = await client.WaitForAsync(t => t.ByTestId("client-log") is not null || t.ByTestId("client-not-found") is not null
                    || t.AllText().Contains("Not for this account", StringComparison.Ordinal),
                    TimeSpan.FromSeconds(30), cancellationToken);
                if (client.Read(t => t.ByTestId("client-log")) is null)
                {
                    throw new InvalidOperationException("The trainer page did not show the client's log: " + (client.Read(t => t.AllText()).Contains("Not for this account", StringComparison.Ordinal) ? "it says \"Not for this account\"" : "unknown page"));
                }

                recorder.Add("trainer: open client → log shown", Stopwatch.GetElapsedTime(started, at).TotalMilliseconds);
                for (var page = 0; page < pages; page++)
                {
                    var older = client.Read(t => t.ByTestId("older"));
                    if (older is null || older.Disabled)
                    {
                        break;
                    }

                    var shownBefore = client.Read(t => t.ByTestId("log-count")?.Text);
                    var (sentAt, _, completion) = await client.DispatchAsync(older, "click", CircuitClient.Click, null, cancellationToken);
                    var shown = await client.WaitForAsync(t => t.ByTestId("log-count")?.Text != shownBefore, TimeSpan.FromSeconds(30), cancellationToken);
                    recorder.Add("trainer: older page → rendered", Stopwatch.GetElapsedTime(sentAt, shown).TotalMilliseconds);
                    await completion.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
                }

            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or Microsoft.AspNetCore.SignalR.HubException)
            {
                recorder.Error($"trainer page: {ex.GetType().Name}: {ex.Message}");
            }

            try
            {
                var csvStarted = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(target.Origin, path + "/log.csv"));
                request.Headers.Add("Cookie", trainerCookie);
                using var response = await target.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                response.EnsureSuccessStatusCode();
                var firstByte = Stopwatch.GetElapsedTime(csvStarted).TotalMilliseconds;
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                var buffer = new byte[81_920];
                long total = 0;
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                }

                csvBytes = total;
                recorder.Add("trainer: CSV export → first byte", firstByte);
                recorder.Add("trainer: CSV export → last byte", Stopwatch.GetElapsedTime(csvStarted).TotalMilliseconds);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or Microsoft.AspNetCore.SignalR.HubException)
            {
                recorder.Error($"trainer CSV: {ex.GetType().Name}: {ex.Message}");
            }
        }

        // The same data as the member sees it: /history, paged with its "Older" link.
        for (var round = 0; round < opens; round++)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                await using var client = new CircuitClient(target.Http, target.Origin, clientCookie);
                await client.StartAsync("/history", cancellationToken);
                var at = await client.WaitForAsync(t => t.ByTestId("history-table") is not null, TimeSpan.FromSeconds(30), cancellationToken);
                recorder.Add("member history: open → table shown", Stopwatch.GetElapsedTime(started, at).TotalMilliseconds);
                for (var page = 0; page < pages; page++)
                {
                    var older = client.Read(t => t.Find(e => e.Name == "a" && e["rel"] == "next")?["href"]);
                    if (older is null)
                    {
                        break;
                    }

                    var tableBefore = client.Read(t => t.ByTestId("history-table")?.Text);
                    var (sentAt, _) = await client.FollowLinkAsync(older, cancellationToken);
                    var shown = await client.WaitForAsync(t => t.ByTestId("history-table") is { } table && table.Text != tableBefore, TimeSpan.FromSeconds(30), cancellationToken);
                    recorder.Add("member history: older page → rendered", Stopwatch.GetElapsedTime(sentAt, shown).TotalMilliseconds);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or Microsoft.AspNetCore.SignalR.HubException)
            {
                recorder.Error($"history: {ex.GetType().Name}: {ex.Message}");
            }
        }

        var after = await ServerStats.ReadAsync(target.Http, target.Origin, collect: false, cancellationToken);
        var (sessions, sets) = History(target.DataDirectory, clientId);
        return ScenarioResult.From("trainer-log", "trainer log", 1, 0, recorder, before, after, null, pageOpens: opens, extra: new()
        {
            ["clientSessions"] = sessions,
            ["clientSets"] = sets,
            ["csvBytes"] = csvBytes,
            ["opens"] = opens,
            ["pagesPerOpen"] = pages,
        });
    }

    private static SqliteConnection Open(string dataDirectory)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "backontrack.db"),
            Mode = SqliteOpenMode.ReadOnly,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static string ClientId(string dataDirectory)
    {
        using var connection = Open(dataDirectory);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM AspNetUsers WHERE NormalizedEmail = $email";
        command.Parameters.AddWithValue("$email", DataGen.PerfUsers.ClientEmail.ToUpperInvariant());
        return command.ExecuteScalar() as string ?? throw new InvalidOperationException("No perf client in this data folder: run datagen.");
    }

    private static (long Sessions, long Sets) History(string dataDirectory, string clientId)
    {
        using var connection = Open(dataDirectory);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM TrainingSessions WHERE MemberId = $id),
                   (SELECT COUNT(*) FROM SessionEvents e JOIN TrainingSessions s ON s.Id = e.SessionId
                     WHERE s.MemberId = $id AND e.Type = 'SetCompleted')
            """;
        command.Parameters.AddWithValue("$id", clientId);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
