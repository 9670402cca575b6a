using System.ComponentModel.DataAnnotations;

namespace BackOnTrack.Data;

/// <summary>Where the database lives. Bound from the "Database" configuration section and validated at start-up.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Only "Sqlite" today; the provider is a configuration choice so a server database can follow.</summary>
    [Required]
    [RegularExpression("^Sqlite$", ErrorMessage = "Database:Provider must be 'Sqlite' (the only provider this build ships).")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Folder for the database file (and the app's other local state). Relative paths are under the content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    [Required]
    [RegularExpression(@"^[^/\\]+\.db$", ErrorMessage = "Database:FileName must be a plain file name ending in .db.")]
    public string FileName { get; set; } = "backontrack.db";

    /// <summary>How long a writer waits for a lock held by another writer before giving up.</summary>
    [Range(100, 60_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 5_000;

    public string ResolveDataDirectory(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataDirectory) ? DataDirectory : Path.Combine(contentRoot, DataDirectory));

    public string ConnectionString(string contentRoot) =>
        $"Data Source={Path.Combine(ResolveDataDirectory(contentRoot), FileName)};Default Timeout={Math.Max(1, BusyTimeoutMilliseconds / 1000)}";
}
