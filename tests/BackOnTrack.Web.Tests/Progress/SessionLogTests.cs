using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Web.Progress;
using Bunit;
using MudBlazor.Services;

namespace BackOnTrack.Web.Tests.Progress;

/// <summary>The session log from a real played log: every hold, set, check-in, stop and the advice.</summary>
public sealed class SessionLogTests : BunitContext
{
    private static readonly DateTimeOffset At = new(2025, 3, 17, 17, 0, 0, TimeSpan.Zero);

    public SessionLogTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void S6_a_stopped_session_shows_every_hold_set_and_check_in_and_the_stop_with_its_reason()
    {
        var events = PlayedSessions.Training(Guid.NewGuid(), "member-1", At, sets: 2, end: new Stop(Sensation.SharpPain, 7));
        string[] advice = ["Bridge: stay at Bridge Hold for now: a safety stop means one step easier next time (S7)."];

        var log = Render<SessionLog>(p => p
            .Add(c => c.Events, events)
            .Add(c => c.Advice, advice)
            .Add(c => c.TimeZone, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));

        var stop = log.Find("[data-testid='log-stop']");
        stop.TextContent.ShouldContain("sharp pain");
        stop.TextContent.ShouldContain("during Bridge");
        stop.TextContent.ShouldContain("Sharp pain · pain 7/10");
        log.Find(".lead").TextContent.ShouldStartWith("Mon 17 Mar 2025, 18:00", customMessage: "times are in the member's zone (UTC+1 in March)");

        var state = SessionEngine.Replay(events);
        log.FindAll("[data-testid='log-hold']").Count.ShouldBe(state.StretchHolds.Count);
        state.StretchHolds.Count.ShouldBeGreaterThan(0);

        var sets = log.FindAll("[data-testid='log-set']");
        sets.Count.ShouldBe(2);
        sets[0].TextContent.ShouldContain("Muscle burn · pain 2/10 · form good");
        sets[0].TextContent.ShouldContain("Bridge Hold");

        log.Find("[data-testid='log-advice'] li").TextContent.ShouldBe(advice[0]);
    }

    [Fact]
    public void A_skipped_exercise_shows_its_reason_and_a_session_without_advice_says_none_was_recorded()
    {
        var events = PlayedSessions.Training(Guid.NewGuid(), "member-1", At, sets: 0).ToList();
        var state = SessionEngine.Replay(events);
        var warmedUp = state;
        var now = At.AddHours(1);
        while (warmedUp.Phase == SessionPhase.WarmUp)
        {
            now = now.AddMinutes(1);
            var result = SessionEngine.Apply(warmedUp, warmedUp.StretchInProgress ? new FinishStretchHold() : new StartStretch(), now);
            warmedUp = result.State;
            events.AddRange(result.Events);
        }

        var skipped = SessionEngine.Apply(warmedUp, new Skip("Knee feels odd today"), now.AddMinutes(1));
        skipped.Rejection.ShouldBeNull();
        events.AddRange(skipped.Events);

        var log = Render<SessionLog>(p => p.Add(c => c.Events, events));

        log.Find("[data-exercise='bridge'] [data-testid='log-skip']").TextContent.ShouldBe("Skipped: Knee feels odd today");
        log.Find("[data-testid='log-in-progress']").TextContent.ShouldContain("still open");
        log.Find("[data-testid='log-advice']").TextContent.ShouldContain("No suggestions were recorded");
    }
}
