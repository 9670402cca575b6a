namespace BackOnTrack.Web.Kiosk;

/// <summary>
/// The kiosk's circuit-scoped screen state shared by the kiosk layout and the kiosk pages: the idle monitor,
/// the session on screen (for "call a trainer"), and a sign-out request (after the summary is dismissed).
/// No JS and no storage here; the layout does both.
/// </summary>
public sealed class KioskScreen(TimeProvider clock, Microsoft.Extensions.Options.IOptions<KioskOptions> options) : IDisposable
{
    public KioskIdleMonitor? Idle { get; private set; }

    /// <summary>The training session on screen, if any.</summary>
    public Guid? SessionId { get; set; }

    public event Action? SignOutRequested;

    /// <summary>Starts idle tracking for the signed-in member (once per circuit).</summary>
    public KioskIdleMonitor StartIdle() => Idle ??= new KioskIdleMonitor(clock, options.Value.Idle, options.Value.Warning);

    public void Activity() => Idle?.Activity();

    /// <summary>A countdown is running until <paramref name="deadline"/>: idle time waits for it.</summary>
    public void CountdownUntil(DateTimeOffset deadline) => Idle?.CountdownUntil(deadline);

    /// <summary>True once a page asked for sign-out (a layout that subscribes later still sees it).</summary>
    public bool SignOutPending { get; private set; }

    public void RequestSignOut()
    {
        SignOutPending = true;
        SignOutRequested?.Invoke();
    }

    public void Dispose() => Idle?.Dispose();
}
