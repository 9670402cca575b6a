namespace BackOnTrack.Data.Members;

/// <summary>One red-flag screen a member answered (S8). A positive screen blocks training until a trainer clears it.</summary>
public class RedFlagScreeningRow
{
    public Guid Id { get; set; }

    public string MemberId { get; set; } = "";

    public DateTime TakenUtc { get; set; }

    /// <summary>Question id → answer, as JSON.</summary>
    public string AnswersJson { get; set; } = "{}";

    public bool Positive { get; set; }

    public string? ClearedByUserId { get; set; }

    public DateTime? ClearedUtc { get; set; }

    public string? ClearNote { get; set; }
}
