namespace BackOnTrack.Data.Accounts;

/// <summary>The three roles of the app. Stored as Identity roles.</summary>
public static class Roles
{
    public const string Member = "Member";
    public const string Trainer = "Trainer";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Member, Trainer, Admin];
}
