using BackOnTrack.Data.Trainers;

namespace BackOnTrack.Web.Trainer;

/// <summary>
/// Raises live alerts for trainers (a kiosk's "call a trainer", a sharp-pain or spine report) and pushes
/// them to every open trainer page in this instance. Alerts are stored first, so a trainer page that opens
/// later, or reloads, still shows what is unacknowledged.
/// </summary>
public sealed class FloorAlerts(FloorAlertStore store, TimeProvider clock, ILogger<FloorAlerts> logger)
{
    /// <summary>Raised after an alert is stored. Handlers must be quick and must not throw (they marshal to their own circuit).</summary>
    public event Action<FloorAlert>? Raised;

    public async Task<FloorAlert> RaiseAsync(FloorAlertKind kind, string? memberId, Guid? sessionId, Guid? kioskId, string location, CancellationToken cancellationToken = default)
    {
        var alert = await store.AddAsync(kind, memberId, sessionId, kioskId, location, clock.GetUtcNow().UtcDateTime, cancellationToken);
        logger.LogWarning("Floor alert {AlertId}: {Kind} at {Location} for member {MemberId}", alert.Id, kind, location, memberId);
        foreach (var handler in Raised?.GetInvocationList().Cast<Action<FloorAlert>>() ?? [])
        {
            try
            {
                handler(alert);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
            {
                logger.LogWarning(ex, "A trainer page could not take alert {AlertId}", alert.Id);
            }
        }

        return alert;
    }
}
