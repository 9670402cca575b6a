using Microsoft.Data.Sqlite;

namespace BackOnTrack.Perf.Reporting;

/// <summary>
/// The "0 lost or duplicate writes" check, read straight from the SQLite file after a run: for every
/// session a virtual member touched, its events must have contiguous sequence numbers with no repeats,
/// the header's EventCount must equal the number of event rows, and the log must hold at least the
/// version the member's screen last showed (a version on screen that the log lacks is a lost write).
/// </summary>
internal sealed record WriteIntegrity(int SessionsChecked, long EventRows, int Gaps, int Duplicates, int HeaderMismatches, int Lost, IReadOnlyList<string> Problems)
{
    public bool Clean => Gaps == 0 && Duplicates == 0 && HeaderMismatches == 0 && Lost == 0 && SessionsChecked > 0;

    public static WriteIntegrity Check(string dataDirectory, IReadOnlyDictionary<Guid, int> versionsSeen)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "backontrack.db"), Mode = SqliteOpenMode.ReadOnly };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        int gaps = 0, duplicates = 0, headers = 0, lost = 0;
        long rows = 0;
        var problems = new List<string>();
        foreach (var (sessionId, seen) in versionsSeen)
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT COUNT(*), COUNT(DISTINCT e.Sequence), MIN(e.Sequence), MAX(e.Sequence),
                       (SELECT s.EventCount FROM TrainingSessions s WHERE s.Id = $id)
                FROM SessionEvents e WHERE e.SessionId = $id
                """;
            command.Parameters.AddWithValue("$id", sessionId.ToString().ToUpperInvariant());
            using var reader = command.ExecuteReader();
            reader.Read();
            var count = reader.GetInt64(0);
            var distinct = reader.GetInt64(1);
            var min = reader.IsDBNull(2) ? 0 : reader.GetInt64(2);
            var max = reader.IsDBNull(3) ? -1 : reader.GetInt64(3);
            var header = reader.IsDBNull(4) ? -1 : reader.GetInt64(4);
            rows += count;
            if (distinct != count)
            {
                duplicates++;
                problems.Add($"{sessionId}: {count - distinct} repeated sequence numbers");
            }

            if (count > 0 && max - min + 1 != distinct)
            {
                gaps++;
                problems.Add($"{sessionId}: sequences {min}..{max} but {distinct} distinct");
            }

            if (header != count)
            {
                headers++;
                problems.Add($"{sessionId}: header says {header} events, log has {count}");
            }

            if (seen > count)
            {
                lost++;
                problems.Add($"{sessionId}: screen showed version {seen}, log has {count} events");
            }
        }

        return new WriteIntegrity(versionsSeen.Count, rows, gaps, duplicates, headers, lost, problems.Take(20).ToList());
    }
}
