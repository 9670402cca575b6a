using System.Security.Claims;

namespace BackOnTrack.Web.Members;

public static class MemberClaims
{
    /// <summary>The signed-in user's id; throws only if called for an anonymous principal (a programmer error).</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");
}
