using System.Reflection;
using BackOnTrack.Web.Learn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace BackOnTrack.Web.Tests.Learn;

/// <summary>Finds the routable Learn pages by their <c>@page</c> route, so tests follow the catalog.</summary>
internal static class LessonPages
{
    private static readonly Type[] PageTypes = typeof(Lessons).Assembly.GetTypes()
        .Where(type => type.Namespace == typeof(Lessons).Namespace && typeof(IComponent).IsAssignableFrom(type))
        .Where(type => type.GetCustomAttributes<RouteAttribute>().Any())
        .ToArray();

    public static Type ForRoute(string route)
    {
        var matches = PageTypes
            .Where(type => type.GetCustomAttributes<RouteAttribute>().Any(attribute => attribute.Template == route))
            .ToArray();
        matches.Length.ShouldBe(1, $"exactly one Learn page should have the route {route}");
        return matches[0];
    }

    public static bool AllowsAnonymous(Type pageType) =>
        pageType.GetCustomAttribute<AllowAnonymousAttribute>() is not null;

    public static IEnumerable<Type> All => PageTypes;

    public static TheoryData<string> Slugs()
    {
        var data = new TheoryData<string>();
        foreach (var lesson in Lessons.All)
        {
            data.Add(lesson.Slug);
        }

        return data;
    }

    public static LessonEntry Lesson(string slug) =>
        Lessons.Find(slug) ?? throw new InvalidOperationException($"No lesson '{slug}'.");
}
