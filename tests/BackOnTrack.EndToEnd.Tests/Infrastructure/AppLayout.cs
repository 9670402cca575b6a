using Microsoft.Playwright;

namespace BackOnTrack.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Layout rules every screen of the app keeps, checked in the real browser at the current viewport.
/// Call <see cref="ExpectUsableAsync"/> before a journey step's screenshot.
/// </summary>
public static class AppLayout
{
    /// <summary>The smallest touch target the app allows for text fields (WCAG 2.5.5 suggests 44 CSS px).</summary>
    public const int MinimumFieldHeight = 44;

    public static async Task ExpectUsableAsync(IPage page)
    {
        var problems = new List<string>();
        problems.AddRange(await NavigationProblemsAsync(page));
        problems.AddRange(await FieldProblemsAsync(page));
        if (problems.Count > 0)
        {
            var size = page.ViewportSize;
            Assert.Fail($"Layout problems on {page.Url} at {size?.Width}×{size?.Height}:{Environment.NewLine}" +
                string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        }
    }

    /// <summary>Every link and button of the app bar is displayed inside the bar and inside the screen (none wrapped out of sight).</summary>
    public static Task<string[]> NavigationProblemsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
            const bar = document.querySelector('.app-bar');
            if (!bar) return ['the page has no app bar'];
            const box = bar.getBoundingClientRect();
            const problems = [];
            for (const item of bar.querySelectorAll('a, button')) {
                const name = (item.getAttribute('aria-label') || item.textContent || '').trim();
                const r = item.getBoundingClientRect();
                if (r.width === 0 || r.height === 0) { problems.push(`app bar item "${name}" is not displayed`); continue; }
                if (r.top < box.top - 1 || r.bottom > box.bottom + 1 || r.left < -1 || r.right > window.innerWidth + 1) {
                    problems.push(`app bar item "${name}" lies outside the bar or the screen (item ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}; bar ${Math.round(box.top)}–${Math.round(box.bottom)})`);
                }
            }
            return problems;
        }
        """);

    /// <summary>Every visible text field in the page body looks like a field (has a border) and is big enough to touch.</summary>
    public static Task<string[]> FieldProblemsAsync(IPage page) => page.EvaluateAsync<string[]>($$"""
        () => [...document.querySelectorAll('main input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=range]), main select, main textarea')]
            .filter(field => field.offsetParent !== null)
            .map(field => ({ name: field.id || field.name, height: field.getBoundingClientRect().height, border: getComputedStyle(field).borderTopWidth }))
            .filter(f => f.height < {{MinimumFieldHeight}} || f.border === '0px')
            .map(f => `field "${f.name}" is ${Math.round(f.height)}px high with a ${f.border} border (needs ≥ {{MinimumFieldHeight}}px and a visible border)`)
        """);
}
