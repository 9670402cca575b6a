namespace BackOnTrack.EndToEnd.Tests.Infrastructure;

/// <summary>The screen sizes journeys run at. Theories take the name (serializable) and look it up.</summary>
public sealed record Viewport(string Name, int Width, int Height, bool IsMobile)
{
    public static readonly Viewport Desktop = new("desktop", 1280, 800, IsMobile: false);
    public static readonly Viewport Phone = new("phone", 390, 844, IsMobile: true);
    public static readonly Viewport TabletLandscape = new("tablet", 1180, 820, IsMobile: true);

    public static Viewport Named(string name) => name switch
    {
        "desktop" => Desktop,
        "phone" => Phone,
        "tablet" => TabletLandscape,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown viewport."),
    };
}
