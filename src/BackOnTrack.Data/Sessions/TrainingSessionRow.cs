namespace BackOnTrack.Data.Sessions;

/// <summary>
/// The header of one training session: who, when, and where it stands. The truth is the event log
/// (<see cref="SessionEventRow"/>); these columns are kept in step with it in the same transaction so
/// lists and queues never need to replay a log.
/// </summary>
public class TrainingSessionRow
{
    public Guid Id { get; set; }

    public string MemberId { get; set; } = "";

    /// <summary>Training or StretchingOnly.</summary>
    public string Kind { get; set; } = "";

    /// <summary>InProgress, Completed, StoppedForSafety or Abandoned.</summary>
    public string Status { get; set; } = "";

    /// <summary>Where it was started: Home or Kiosk.</summary>
    public string Device { get; set; } = "Home";

    public DateTime StartedUtc { get; set; }

    public DateTime? EndedUtc { get; set; }

    public DateTime LastEventUtc { get; set; }

    /// <summary>Number of events in the log; the expected version for the next append.</summary>
    public int EventCount { get; set; }

    /// <summary>The session's outcome (sets, check-ins, stops) as JSON once it has ended; null while in progress.</summary>
    public string? OutcomeJson { get; set; }

    /// <summary>The progression advisor's suggestions applied when the session ended, each with its reason (JSON list of lines).</summary>
    public string? AdviceJson { get; set; }

    public List<SessionEventRow> Events { get; set; } = [];
}
