namespace BackOnTrack.Web.Components;

/// <summary>The light/dark choice, kept in a cookie so static and interactive pages agree.</summary>
public static class ThemeCookie
{
    public const string Name = "BackOnTrack.Theme";

    public static bool IsDark(HttpContext? http) =>
        http?.Request.Cookies.TryGetValue(Name, out var value) == true && value == "dark";
}
