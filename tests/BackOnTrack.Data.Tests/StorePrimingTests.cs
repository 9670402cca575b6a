using System.Text;
using BackOnTrack.Data.Tests.Sessions;

namespace BackOnTrack.Data.Tests;

public sealed class StorePrimingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Priming_leaves_every_row_of_every_table_as_it_was()
    {
        await using var database = await StoreTestKit.MigratedAsync(Cancel);
        await database.AddAccountAsync("member-1");
        await database.MemberStore().SaveOnboardingAsync("member-1", "Stronger back", StoreTestKit.StarterPlan(), StoreTestKit.T0.UtcDateTime, Cancel);
        var live = await database.SessionStore().CreateSessionAsync("member-1", StoreTestKit.T0);
        var before = Dump(database);

        await database.Priming.PrimeAsync(Cancel);

        Dump(database).ShouldBe(before, "priming asks only for ids that cannot exist");
        (await database.SessionStore().LoadAsync(live.State.SessionId, Cancel)).ShouldNotBeNull();
    }

    /// <summary>Every row of every table, as text, read past EF Core.</summary>
    private static string Dump(TempDatabase database)
    {
        using var connection = database.OpenRawConnection();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var text = new StringBuilder();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid;";
            using var reader = select.ExecuteReader();
            text.Append('[').Append(table).AppendLine("]");
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }
}
