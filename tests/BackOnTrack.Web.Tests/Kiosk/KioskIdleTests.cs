using BackOnTrack.Web.Kiosk;
using Microsoft.Extensions.Time.Testing;

namespace BackOnTrack.Web.Tests.Kiosk;

/// <summary>The kiosk's idle sign-out: warning after 2:00 idle, sign-out at 2:30, activity resets, a running countdown suspends.</summary>
public sealed class KioskIdleTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Warning = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, KioskIdlePhase.Active)]
    [InlineData(119, KioskIdlePhase.Active)]
    [InlineData(120, KioskIdlePhase.Warning)]
    [InlineData(149, KioskIdlePhase.Warning)]
    [InlineData(150, KioskIdlePhase.SignOut)]
    [InlineData(3600, KioskIdlePhase.SignOut)]
    public void The_phase_follows_the_idle_time(int secondsIdle, KioskIdlePhase phase) =>
        KioskIdle.StartAt(T0, Idle, Warning).PhaseAt(T0.AddSeconds(secondsIdle)).ShouldBe(phase);

    [Fact]
    public void Activity_resets_the_idle_time_even_during_the_warning()
    {
        var idle = KioskIdle.StartAt(T0, Idle, Warning).Touched(T0.AddSeconds(125));

        idle.PhaseAt(T0.AddSeconds(150)).ShouldBe(KioskIdlePhase.Active);
        idle.PhaseAt(T0.AddSeconds(245)).ShouldBe(KioskIdlePhase.Warning);
        idle.SecondsLeft(T0.AddSeconds(245)).ShouldBe(30);
        idle.Touched(T0.AddSeconds(10)).ShouldBe(idle, "an older activity report changes nothing");
    }

    [Fact]
    public void A_running_countdown_suspends_idle_time_until_it_ends()
    {
        var idle = KioskIdle.StartAt(T0, Idle, Warning).CountdownUntil(T0.AddMinutes(5));

        idle.PhaseAt(T0.AddMinutes(4)).ShouldBe(KioskIdlePhase.Active, "a 5-minute countdown runs longer than the idle time");
        idle.PhaseAt(T0.AddMinutes(7)).ShouldBe(KioskIdlePhase.Warning, "idle time counts from the countdown's end");
        idle.PhaseAt(T0.AddMinutes(7.5)).ShouldBe(KioskIdlePhase.SignOut);
    }

    [Fact]
    public void The_monitor_warns_at_two_minutes_and_signs_out_at_two_thirty_on_a_fake_clock()
    {
        var clock = new FakeTimeProvider(T0);
        using var monitor = new KioskIdleMonitor(clock, Idle, Warning);
        var seen = new List<(TimeSpan At, KioskIdlePhase Phase, int Left)>();
        monitor.Changed += () => seen.Add((clock.GetUtcNow() - T0, monitor.Phase, monitor.SecondsLeft));

        clock.Advance(TimeSpan.FromSeconds(119));
        monitor.Phase.ShouldBe(KioskIdlePhase.Active);
        seen.ShouldBeEmpty();

        clock.Advance(TimeSpan.FromSeconds(1));
        monitor.Phase.ShouldBe(KioskIdlePhase.Warning);
        seen.ShouldHaveSingleItem().ShouldBe((TimeSpan.FromSeconds(120), KioskIdlePhase.Warning, 30));

        clock.Advance(TimeSpan.FromSeconds(10));
        seen[^1].Left.ShouldBe(20, "the warning counts down every second");

        clock.Advance(TimeSpan.FromSeconds(20));
        monitor.Phase.ShouldBe(KioskIdlePhase.SignOut);
        seen[^1].ShouldBe((TimeSpan.FromSeconds(150), KioskIdlePhase.SignOut, 0));

        var count = seen.Count;
        monitor.Activity();
        clock.Advance(TimeSpan.FromMinutes(5));
        monitor.Phase.ShouldBe(KioskIdlePhase.SignOut, "sign-out is final");
        seen.Count.ShouldBe(count);
    }

    [Fact]
    public void On_the_monitor_a_tap_during_the_warning_keeps_the_member_signed_in()
    {
        var clock = new FakeTimeProvider(T0);
        using var monitor = new KioskIdleMonitor(clock, Idle, Warning);

        clock.Advance(TimeSpan.FromSeconds(125));
        monitor.Phase.ShouldBe(KioskIdlePhase.Warning);
        monitor.Activity();
        monitor.Phase.ShouldBe(KioskIdlePhase.Active);

        clock.Advance(TimeSpan.FromSeconds(149));
        monitor.Phase.ShouldBe(KioskIdlePhase.Warning, "2:29 after the tap");
        clock.Advance(TimeSpan.FromSeconds(2));
        monitor.Phase.ShouldBe(KioskIdlePhase.SignOut);
    }

    [Fact]
    public void On_the_monitor_a_running_countdown_holds_off_the_warning()
    {
        var clock = new FakeTimeProvider(T0);
        using var monitor = new KioskIdleMonitor(clock, Idle, Warning);

        clock.Advance(TimeSpan.FromSeconds(100));
        monitor.CountdownUntil(clock.GetUtcNow().AddSeconds(90));
        clock.Advance(TimeSpan.FromSeconds(200));
        monitor.Phase.ShouldBe(KioskIdlePhase.Active, "still within 2:00 of the countdown's end");
        clock.Advance(TimeSpan.FromSeconds(10));
        monitor.Phase.ShouldBe(KioskIdlePhase.Warning);
    }

    [Fact]
    public void An_active_member_costs_no_timer_callbacks_only_the_warning_ticks()
    {
        var clock = new CallbackCountingClock(T0);
        using var monitor = new KioskIdleMonitor(clock, Idle, Warning);

        // Ten minutes of training with a tap every 30 s: no callback at all (no per-second timer per circuit).
        for (var second = 1; second <= 600; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            if (second % 30 == 0)
            {
                monitor.Activity();
            }
        }

        clock.Callbacks.ShouldBe(0);
        monitor.Phase.ShouldBe(KioskIdlePhase.Active);

        // Then idle: one callback for the warning, one per second of its countdown, none after sign-out.
        for (var second = 1; second <= 300; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        monitor.Phase.ShouldBe(KioskIdlePhase.SignOut);
        clock.Callbacks.ShouldBe(1 + (int)Warning.TotalSeconds);
    }

    private sealed class CallbackCountingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private int _callbacks;

        public int Callbacks => _callbacks;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            base.CreateTimer(s =>
            {
                Interlocked.Increment(ref _callbacks);
                callback(s);
            }, state, dueTime, period);
    }
}
