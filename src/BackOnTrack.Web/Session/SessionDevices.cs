namespace BackOnTrack.Web.Session;

/// <summary>Where a session was started.</summary>
public static class SessionDevices
{
    public const string Home = "Home";
    public const string Kiosk = "Kiosk";
}
