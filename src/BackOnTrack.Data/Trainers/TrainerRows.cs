namespace BackOnTrack.Data.Trainers;

/// <summary>A trainer coaching a member. At most one active link per member; either side can end it.</summary>
public class TrainerClientLinkRow
{
    public Guid Id { get; set; }

    public string TrainerId { get; set; } = "";

    public string MemberId { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime? EndedUtc { get; set; }

    public string? EndedByUserId { get; set; }
}

/// <summary>A one-time code a trainer hands to a member to link them.</summary>
public class TrainerInviteRow
{
    public string Code { get; set; } = "";

    public string TrainerId { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public string? UsedByMemberId { get; set; }

    public DateTime? UsedUtc { get; set; }
}

/// <summary>A trainer's note on a client or on one of their sessions; the trainer chooses whether the client sees it.</summary>
public class TrainerNoteRow
{
    public Guid Id { get; set; }

    public string TrainerId { get; set; } = "";

    public string MemberId { get; set; } = "";

    public Guid? SessionId { get; set; }

    public string Text { get; set; } = "";

    public bool VisibleToMember { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>A change to a member's plan made by someone other than the advisor: who, when, what and why.</summary>
public class PlanChangeRow
{
    public Guid Id { get; set; }

    public string MemberId { get; set; } = "";

    public string ChangedByUserId { get; set; } = "";

    public DateTime ChangedUtc { get; set; }

    /// <summary>What changed: Variation, Load, TrainingDays, HoldProgression, WarmUpWaiver, ...</summary>
    public string Kind { get; set; } = "";

    public string? ExerciseId { get; set; }

    public string Before { get; set; } = "";

    public string After { get; set; } = "";

    public string Reason { get; set; } = "";

    /// <summary>Set when the member has seen it (shown once before their next session).</summary>
    public DateTime? SeenByMemberUtc { get; set; }
}

/// <summary>A triage flag a trainer marked handled. The key names the flag (e.g. "stop:{sessionId}", "worse:{sessionId}").</summary>
public class FlagHandledRow
{
    public Guid Id { get; set; }

    public string MemberId { get; set; } = "";

    public string FlagKey { get; set; } = "";

    public string HandledByUserId { get; set; } = "";

    public DateTime HandledUtc { get; set; }

    public string Note { get; set; } = "";
}

/// <summary>Every read of a client's log by a trainer: who read whose, when, and what.</summary>
public class ClientLogAuditRow
{
    public long Id { get; set; }

    public string TrainerId { get; set; } = "";

    public string MemberId { get; set; } = "";

    public DateTime ReadUtc { get; set; }

    /// <summary>What was read: ClientLog, SessionDetail, CsvExport, Report.</summary>
    public string What { get; set; } = "";
}

/// <summary>A live alert for trainers: a call from a kiosk, or a sharp-pain / spine report during a session.</summary>
public class FloorAlertRow
{
    public Guid Id { get; set; }

    /// <summary>CallTrainer, SharpPain or SpineFelt.</summary>
    public string Kind { get; set; } = "";

    public string? MemberId { get; set; }

    public Guid? SessionId { get; set; }

    public Guid? KioskId { get; set; }

    public string Location { get; set; } = "";

    public DateTime RaisedUtc { get; set; }

    public string? AcknowledgedByUserId { get; set; }

    public DateTime? AcknowledgedUtc { get; set; }
}
