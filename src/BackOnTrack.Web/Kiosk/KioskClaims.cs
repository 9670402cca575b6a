using System.Security.Claims;

namespace BackOnTrack.Web.Kiosk;

/// <summary>
/// A kiosk sign-in is a member principal with two extra claims: the kiosk's id and its location. Such a
/// principal is restricted to the pages marked <see cref="KioskAllowedAttribute"/>.
/// </summary>
public static class KioskClaims
{
    public const string KioskId = "kiosk";
    public const string Location = "kiosk_location";

    /// <summary>Policy for the kiosk's member pages: a member signed in on a kiosk.</summary>
    public const string MemberOnKioskPolicy = "MemberOnKiosk";

    public static bool IsKiosk(this ClaimsPrincipal user) => user.FindFirst(KioskId) is not null;

    public static Guid? KioskIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(KioskId), out var id) ? id : null;

    public static string KioskLocation(this ClaimsPrincipal user) => user.FindFirstValue(Location) ?? "";
}

/// <summary>
/// Marks a page or endpoint a kiosk sign-in may use. Everything else is refused to a kiosk principal, over
/// HTTP (<see cref="KioskBoundaryMiddleware"/>) and inside the circuit (<see cref="KioskRouteGuard"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class KioskAllowedAttribute : Attribute
{
    public static KioskAllowedAttribute Instance { get; } = new();

    public static bool Allows(Type? pageType) => pageType is not null && pageType.IsDefined(typeof(KioskAllowedAttribute), inherit: false);
}
