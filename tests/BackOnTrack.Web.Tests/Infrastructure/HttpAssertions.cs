using System.Net;

namespace BackOnTrack.Web.Tests.Infrastructure;

public static class HttpAssertions
{
    /// <summary>Asserts a redirect and returns its target as a path plus query (relative to the app).</summary>
    public static string ShouldRedirect(this HttpResponseMessage response)
    {
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Found, HttpStatusCode.SeeOther, HttpStatusCode.TemporaryRedirect);
        var location = response.Headers.Location.ShouldNotBeNull("a redirect names where it goes");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public static IEnumerable<string> SetCookieNames(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split('=')[0])
            : [];

    /// <summary>True when the response sets the cookie to a non-empty value (a sign-in, not a sign-out).</summary>
    public static bool Issues(this HttpResponseMessage response, string cookieName) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
        && values.Any(v => v.StartsWith(cookieName + "=", StringComparison.Ordinal) && !v.StartsWith(cookieName + "=;", StringComparison.Ordinal));
}
