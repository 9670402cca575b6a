using System.Security.Claims;
using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Trainers;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Trainer;
using BackOnTrack.Web.Members;

namespace BackOnTrack.Web.Trainer;

/// <summary>
/// What the trainer's home shows: their clients (every linked client for an admin), the triage queue, the
/// sessions under way and the unacknowledged floor alerts about those clients (and kiosk calls).
/// </summary>
public sealed class TrainerDashboard(TrainerStore trainers, TriageStore triage, FloorAlertStore alerts, ExerciseLibrary library, TimeProvider clock)
{
    /// <summary>A session counts as live while it has moved within this time.</summary>
    public static readonly TimeSpan LiveWithin = TimeSpan.FromHours(3);

    public Task<IReadOnlyList<TrainerClient>> ClientsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        trainers.ClientsAsync(user.IsInRole(Roles.Admin) ? null : user.UserId(), cancellationToken);

    public async Task<IReadOnlyList<TriageItem>> QueueAsync(IReadOnlyList<TrainerClient> clients, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var inputs = await triage.ClientsAsync(clients.Select(c => c.MemberId).ToList(), now.UtcDateTime, cancellationToken);
        return TriageQueue.Build(inputs, now, TriageRules.Default, library);
    }

    public Task<IReadOnlyList<LiveSession>> LiveAsync(IReadOnlyList<TrainerClient> clients, CancellationToken cancellationToken = default) =>
        clients.Count == 0
            ? Task.FromResult<IReadOnlyList<LiveSession>>([])
            : triage.LiveSessionsAsync(clients.Select(c => c.MemberId).ToList(), clock.GetUtcNow().UtcDateTime, LiveWithin, cancellationToken);

    /// <summary>Open alerts about these clients, and calls from kiosks that name no member.</summary>
    public async Task<IReadOnlyList<FloorAlert>> AlertsAsync(IReadOnlyList<TrainerClient> clients, CancellationToken cancellationToken = default)
    {
        var ids = clients.Select(c => c.MemberId).ToHashSet(StringComparer.Ordinal);
        return (await alerts.OpenAsync(100, cancellationToken)).Where(a => Concerns(a, ids)).ToList();
    }

    public static bool Concerns(FloorAlert alert, IReadOnlySet<string> clientIds) => alert.MemberId is null || clientIds.Contains(alert.MemberId);

    public Task<bool> AcknowledgeAsync(Guid alertId, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        alerts.AcknowledgeAsync(alertId, user.UserId(), clock.GetUtcNow().UtcDateTime, cancellationToken);
}
