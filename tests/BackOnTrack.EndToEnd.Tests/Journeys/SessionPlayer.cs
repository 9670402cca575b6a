using System.Globalization;
using BackOnTrack.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BackOnTrack.EndToEnd.Tests.Journeys;

/// <summary>What the player shows: its phase and state version (data-phase, data-version on <c>.player</c>; the version counts the events in the log).</summary>
public sealed record PlayerScreen(string Phase, int Version)
{
    public bool IsEnd => Phase is "Summary" or "Completed" or "StoppedForSafety" or "Abandoned";
}

/// <summary>
/// Drives the session player at /session/{id} the way a member does: one control per step, then waits for
/// the server to record it (the state version moves on). Countdowns (get-ready, holds, rests) are left to
/// end by themselves, so the browser's countdown module and the server deadlines are exercised too.
/// </summary>
public sealed class SessionPlayer(BrowserSession you)
{
    /// <summary>The longest one step may take: a get-ready plus a hold plus a round trip, with room for a slow machine.</summary>
    public const float StepTimeoutMs = 25_000;

    public IPage Page => you.Page;

    public ILocator Root => Page.Locator(".player");

    /// <summary>The answer given at every check-in (a data-sensation value).</summary>
    public string CheckInAnswer { get; set; } = "MuscleBurn";

    /// <summary>Skip rests with the button (true) or let the rest countdown run out (false).</summary>
    public bool SkipRests { get; set; } = true;

    /// <summary>The session id from the page address /session/{id}.</summary>
    public Guid SessionId
    {
        get
        {
            var path = new Uri(Page.Url).AbsolutePath;
            path.ShouldStartWith("/session/");
            return Guid.Parse(path["/session/".Length..], CultureInfo.InvariantCulture);
        }
    }

    /// <summary>From the member's home page: "Start today's session" (or the evening stretches), then the player opens.</summary>
    public async Task<PlayerScreen> StartFromHomeAsync(string testId = "start-training")
    {
        await Page.GetByTestId(testId).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/session/[0-9a-f-]{36}$"));
        await Assertions.Expect(Root).ToHaveAttributeAsync("data-phase", "ReadinessCheck");
        return await ReadAsync();
    }

    public async Task<PlayerScreen> ReadAsync()
    {
        await Assertions.Expect(Root).ToBeVisibleAsync();
        var values = await Root.EvaluateAsync<string[]>("p => [p.dataset.phase, p.dataset.version]");
        return new PlayerScreen(values[0], int.Parse(values[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Where the member is, in the player's own words: "Exercise 1 of 5 | Bridge · set 2 of 3 | Bridge Hold".</summary>
    public Task<string> StepTextAsync() => Root.EvaluateAsync<string>("""
        p => [...p.querySelectorAll('.player-title .hint, .player-stage .eyebrow, .player-stage h1')]
            .map(e => e.textContent.trim().replace(/\s+/g, ' ')).filter(t => t).join(' | ')
        """);

    public Task ExpectPhaseAsync(string phase) =>
        Assertions.Expect(Root).ToHaveAttributeAsync("data-phase", phase, new() { Timeout = StepTimeoutMs });

    /// <summary>Waits until the server has recorded something after <paramref name="version"/>.</summary>
    public async Task<PlayerScreen> WaitPastAsync(int version)
    {
        await Assertions.Expect(Root).Not.ToHaveAttributeAsync("data-version", version.ToString(CultureInfo.InvariantCulture), new() { Timeout = StepTimeoutMs });
        return await ReadAsync();
    }

    /// <summary>Does what this screen asks (or waits for its countdown), then waits for the next recorded state.</summary>
    public async Task<PlayerScreen> StepAsync(PlayerScreen screen)
    {
        switch (screen.Phase)
        {
            case "ReadinessCheck":
                await Page.Locator("[data-feeling=Good]").ClickAsync();
                await Assertions.Expect(Page.Locator("[data-feeling=Good]")).ToHaveAttributeAsync("aria-checked", "true");
                await Page.Locator("input[name=anything-new]").First.CheckAsync();
                await Page.GetByTestId("readiness-continue").ClickAsync();
                break;
            case "WarmUp" or "CoolDown":
                var start = Page.GetByTestId("start-stretch");
                if (await start.CountAsync() > 0)
                {
                    await start.ClickAsync();
                }

                // Otherwise a hold is under way: its countdown finishes it.
                break;
            case "Briefing":
                var confirm = Page.GetByTestId("confirm-briefing");
                if (await confirm.CountAsync() > 0)
                {
                    var cues = Page.GetByTestId("cues-read");
                    if (await cues.CountAsync() > 0)
                    {
                        await cues.CheckAsync();
                    }

                    await confirm.ClickAsync();
                }
                else
                {
                    await Page.GetByTestId("start-set").ClickAsync();
                }

                break;
            case "SetInProgress":
                var done = Page.GetByTestId("set-done");
                if (await done.CountAsync() > 0)
                {
                    // Visible once the get-ready countdown is over; the reps field starts at the target.
                    await done.ClickAsync(new() { Timeout = StepTimeoutMs });
                }

                // Otherwise a hold set: its countdown finishes it.
                break;
            case "CheckIn":
                await Page.Locator($"[data-sensation={CheckInAnswer}]").ClickAsync();
                break;
            case "Rest":
                if (SkipRests)
                {
                    await Page.GetByTestId("skip-rest").ClickAsync();
                }

                break;
            default:
                Assert.Fail($"The journey has no step for the player's {screen.Phase} phase (version {screen.Version}) at {Page.Url}.");
                break;
        }

        return await WaitPastAsync(screen.Version);
    }

    /// <summary>
    /// Steps on until <paramref name="until"/> says stop (or the session ends). <paramref name="onScreen"/> sees
    /// every screen before it is acted on (for screenshots and checks).
    /// </summary>
    public async Task<PlayerScreen> RunUntilAsync(Func<PlayerScreen, bool> until, Func<PlayerScreen, Task>? onScreen = null, int maxSteps = 250)
    {
        var screen = await ReadAsync();
        for (var step = 0; step < maxSteps; step++)
        {
            if (onScreen is not null)
            {
                await onScreen(screen);
            }

            if (until(screen) || screen.IsEnd)
            {
                return screen;
            }

            screen = await StepAsync(screen);
        }

        Assert.Fail($"The session did not get there within {maxSteps} steps; it is at {screen}.");
        return screen;
    }

    /// <summary>Runs to the set screen of <paramref name="exerciseName"/>'s set <paramref name="setNumber"/> (eyebrow "Bridge · set 2 of 3").</summary>
    public async Task<PlayerScreen> RunToSetAsync(string exerciseName, int setNumber, string phase = "SetInProgress")
    {
        var wanted = $"{exerciseName} · set {setNumber} of";
        while (true)
        {
            var screen = await RunUntilAsync(s => s.Phase == phase);
            screen.Phase.ShouldBe(phase, $"the session ended before {exerciseName} set {setNumber}");
            var eyebrow = await Page.Locator(".player-stage .eyebrow").First.TextContentAsync() ?? "";
            if (eyebrow.Contains(wanted, StringComparison.Ordinal))
            {
                return screen;
            }

            await StepAsync(screen);
        }
    }
}
