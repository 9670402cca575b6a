using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackOnTrack.Perf.Reporting;

internal static class Report
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
