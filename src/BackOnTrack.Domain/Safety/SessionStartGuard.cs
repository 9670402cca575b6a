namespace BackOnTrack.Domain.Safety;

/// <summary>A trainer's clearance of a positive red-flag screen.</summary>
public sealed record RedFlagClearance(string TrainerId, string Note, DateTimeOffset ClearedAt);

/// <summary>What is known about a member's red-flag screening.</summary>
public sealed record MemberScreening(
    RedFlagResult? LatestResult,
    DateTimeOffset? AnsweredAt,
    RedFlagClearance? Clearance)
{
    public static MemberScreening NeverScreened { get; } = new(null, null, null);

    /// <summary>True when training is blocked by an uncleared positive screen.</summary>
    public bool HasUnclearedRedFlag =>
        LatestResult is { Status: RedFlagStatus.Positive }
        && (Clearance is null || AnsweredAt is null || Clearance.ClearedAt < AnsweredAt);
}

public enum StartBlockReason
{
    NotScreened,
    ScreenIncomplete,
    UnclearedRedFlag,
}

/// <summary>Why a session may not start, in words the member can read.</summary>
public sealed record StartBlock(StartBlockReason Reason, string Message);

/// <summary>S8: no session until the red-flag screen is clear, or a positive one is cleared by a trainer.</summary>
public static class SessionStartGuard
{
    /// <summary>Returns null when a session may start, otherwise why not.</summary>
    public static StartBlock? Check(MemberScreening screening)
    {
        if (screening.LatestResult is null)
        {
            return new(StartBlockReason.NotScreened, "Please answer the safety questions before your first session.");
        }

        if (screening.LatestResult.Status == RedFlagStatus.Incomplete)
        {
            return new(StartBlockReason.ScreenIncomplete, "Please finish the safety questions before you start.");
        }

        return screening.HasUnclearedRedFlag
            ? new(StartBlockReason.UnclearedRedFlag,
                "Training is paused until a trainer has talked with you about your safety answers. " + RedFlagScreen.UrgentAdvice)
            : null;
    }

    /// <summary>Records a trainer's clearance. Returns null (nothing to clear) when the screen is not positive.</summary>
    public static MemberScreening? Clear(MemberScreening screening, string trainerId, string note, DateTimeOffset now)
    {
        if (screening.LatestResult is not { Status: RedFlagStatus.Positive } || string.IsNullOrWhiteSpace(trainerId))
        {
            return null;
        }

        return screening with { Clearance = new RedFlagClearance(trainerId, note, now) };
    }
}
