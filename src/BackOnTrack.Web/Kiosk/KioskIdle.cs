namespace BackOnTrack.Web.Kiosk;

public enum KioskIdlePhase
{
    Active,

    /// <summary>"Still there? Tap to stay signed in" is showing.</summary>
    Warning,

    /// <summary>Time is up: sign the member out. Final.</summary>
    SignOut,
}

/// <summary>
/// The kiosk's idle rule as a value: idle time counts from the last activity, or from the end of a running
/// countdown (a member holding a plank for 45 s is not idle). After <see cref="IdleAfter"/> the warning shows;
/// <see cref="WarningFor"/> later the member is signed out. No clock inside: every question takes the time.
/// </summary>
public sealed record KioskIdle(DateTimeOffset Since, TimeSpan IdleAfter, TimeSpan WarningFor)
{
    public static KioskIdle StartAt(DateTimeOffset now, TimeSpan idleAfter, TimeSpan warningFor) => new(now, idleAfter, warningFor);

    public DateTimeOffset WarningAt => Since + IdleAfter;

    public DateTimeOffset SignOutAt => WarningAt + WarningFor;

    /// <summary>A tap or key press: idle time starts again (unless a countdown already runs longer).</summary>
    public KioskIdle Touched(DateTimeOffset at) => at > Since ? this with { Since = at } : this;

    /// <summary>A countdown runs until <paramref name="deadline"/>: nothing counts as idle before it ends.</summary>
    public KioskIdle CountdownUntil(DateTimeOffset deadline) => Touched(deadline);

    public KioskIdlePhase PhaseAt(DateTimeOffset now) =>
        now < WarningAt ? KioskIdlePhase.Active
        : now < SignOutAt ? KioskIdlePhase.Warning
        : KioskIdlePhase.SignOut;

    /// <summary>Whole seconds left before sign-out (for the warning's countdown), never negative.</summary>
    public int SecondsLeft(DateTimeOffset now) => (int)Math.Max(0, Math.Ceiling((SignOutAt - now).TotalSeconds));
}

/// <summary>
/// Drives <see cref="KioskIdle"/> with a <see cref="TimeProvider"/> timer (a fake one in tests). Raises
/// <see cref="Changed"/> when the phase changes and every second while the warning counts down; after
/// <see cref="KioskIdlePhase.SignOut"/> it stops and ignores activity. The timer is one-shot, armed for the
/// next moment that matters (the warning, then each second of it): an active member's circuit has no
/// timer firing every second, and a tap only moves the one pending callback. Thread-safe: timer callbacks
/// and circuit events may arrive on different threads.
/// </summary>
public sealed class KioskIdleMonitor : IDisposable
{
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private KioskIdle _idle;

    public KioskIdleMonitor(TimeProvider clock, TimeSpan idleAfter, TimeSpan warningFor)
    {
        _clock = clock;
        _idle = KioskIdle.StartAt(clock.GetUtcNow(), idleAfter, warningFor);
        _timer = clock.CreateTimer(_ => Tick(), null, idleAfter, Timeout.InfiniteTimeSpan);
    }

    public KioskIdlePhase Phase { get; private set; } = KioskIdlePhase.Active;

    public int SecondsLeft
    {
        get
        {
            lock (_gate)
            {
                return _idle.SecondsLeft(_clock.GetUtcNow());
            }
        }
    }

    /// <summary>Raised outside the lock, on the timer's or the caller's thread.</summary>
    public event Action? Changed;

    public void Activity() => Update(idle => idle.Touched(_clock.GetUtcNow()));

    public void CountdownUntil(DateTimeOffset deadline) => Update(idle => idle.CountdownUntil(deadline));

    private void Update(Func<KioskIdle, KioskIdle> change)
    {
        lock (_gate)
        {
            if (Phase == KioskIdlePhase.SignOut)
            {
                return;
            }

            _idle = change(_idle);
        }

        Tick();
    }

    private void Tick()
    {
        bool notify;
        lock (_gate)
        {
            if (Phase == KioskIdlePhase.SignOut)
            {
                return;
            }

            var now = _clock.GetUtcNow();
            var phase = _idle.PhaseAt(now);
            notify = phase != Phase || phase == KioskIdlePhase.Warning;
            Phase = phase;
            _timer.Change(NextCheck(now), Timeout.InfiniteTimeSpan);
        }

        if (notify)
        {
            Changed?.Invoke();
        }
    }

    // Under the lock: when the phase can next change, or the warning's seconds need redrawing.
    private TimeSpan NextCheck(DateTimeOffset now)
    {
        var due = Phase switch
        {
            KioskIdlePhase.Active => _idle.WarningAt - now,
            KioskIdlePhase.Warning => TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, (_idle.SignOutAt - now).Ticks)),
            _ => Timeout.InfiniteTimeSpan,
        };
        return due == Timeout.InfiniteTimeSpan || due > TimeSpan.Zero ? due : TimeSpan.Zero;
    }

    public void Dispose() => _timer.Dispose();
}
