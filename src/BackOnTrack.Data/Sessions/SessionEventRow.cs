namespace BackOnTrack.Data.Sessions;

/// <summary>One event of a session's append-only log. (SessionId, Sequence) is unique, so a replayed write cannot duplicate.</summary>
public class SessionEventRow
{
    public long Id { get; set; }

    public Guid SessionId { get; set; }

    /// <summary>1-based position in the session's log.</summary>
    public int Sequence { get; set; }

    /// <summary>The event's type name (stable; see SessionEventSerializer).</summary>
    public string Type { get; set; } = "";

    public string Payload { get; set; } = "";

    public DateTime RecordedUtc { get; set; }
}
