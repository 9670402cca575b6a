namespace BackOnTrack.Data;

/// <summary>The resolved, absolute folder that holds the database file and other local state (keys, logs).</summary>
public sealed record DataPaths(string DataDirectory, string DatabaseFile);
