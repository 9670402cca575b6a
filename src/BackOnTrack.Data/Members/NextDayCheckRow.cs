namespace BackOnTrack.Data.Members;

/// <summary>The member's answer the day after a training session (S9): better, same or worse.</summary>
public class NextDayCheckRow
{
    public Guid SessionId { get; set; }

    public string MemberId { get; set; } = "";

    public string Answer { get; set; } = "";

    public DateTime AnsweredUtc { get; set; }
}
