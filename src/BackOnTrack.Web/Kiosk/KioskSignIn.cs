using System.Collections.Concurrent;
using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Kiosks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BackOnTrack.Web.Kiosk;

public enum KioskSignInStatus
{
    SignedIn,
    WrongCodeOrPin,
    MemberLocked,

    /// <summary>Too many failures from this tablet: answered 429 without checking anything.</summary>
    DeviceLimited,
}

public sealed record KioskSignInResult(KioskSignInStatus Status, string? MemberId = null, DateTimeOffset? Until = null);

/// <summary>
/// Failed sign-ins per tablet in a sliding window. In memory: one instance serves a gym's kiosks; a
/// multi-instance deployment would move this to a shared store.
/// </summary>
public sealed class KioskDeviceLimiter(IOptions<KioskOptions> options)
{
    private readonly ConcurrentDictionary<Guid, Queue<DateTimeOffset>> _failures = new();

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.DeviceWindowMinutes);

    /// <summary>When the tablet may try again, or null when it may try now.</summary>
    public DateTimeOffset? LimitedUntil(Guid kioskId, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(kioskId, out var queue))
        {
            return null;
        }

        lock (queue)
        {
            Prune(queue, now);
            return queue.Count >= options.Value.DeviceMaxFailures ? queue.Peek() + Window : null;
        }
    }

    public void RecordFailure(Guid kioskId, DateTimeOffset now)
    {
        var queue = _failures.GetOrAdd(kioskId, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            Prune(queue, now);
            queue.Enqueue(now);
        }
    }

    private void Prune(Queue<DateTimeOffset> queue, DateTimeOffset now)
    {
        while (queue.Count > 0 && queue.Peek() + Window <= now)
        {
            queue.Dequeue();
        }
    }
}

/// <summary>
/// Checks a member code + PIN typed on a kiosk: the tablet's failure limit first, then the member's own
/// lock, then the PIN (hashed like a password). A wrong PIN counts against the tablet and that member only.
/// An unknown code costs the same hashing time as a known one, so timing does not reveal which codes exist.
/// </summary>
public sealed class KioskSignIn(
    KioskStore store,
    IPasswordHasher<UserAccount> hasher,
    KioskDeviceLimiter limiter,
    IOptions<KioskOptions> options,
    TimeProvider clock,
    ILogger<KioskSignIn> logger)
{
    private readonly Lazy<string> _decoyHash = new(() => hasher.HashPassword(new UserAccount(), "decoy-pin-for-timing"));

    public async Task<KioskSignInResult> CheckAsync(KioskDevice kiosk, string memberCode, string pin, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (limiter.LimitedUntil(kiosk.Id, now) is { } until)
        {
            logger.LogWarning("Kiosk {KioskId}: sign-in refused, too many failures from this tablet", kiosk.Id);
            return new(KioskSignInStatus.DeviceLimited, Until: until);
        }

        var member = await store.FindMemberByCodeAsync(memberCode, cancellationToken);
        if (member is null || member.PinHash is null)
        {
            _ = hasher.VerifyHashedPassword(new UserAccount(), _decoyHash.Value, pin);
            limiter.RecordFailure(kiosk.Id, now);
            logger.LogInformation("Kiosk {KioskId}: sign-in failed (unknown code or no PIN set)", kiosk.Id);
            return new(KioskSignInStatus.WrongCodeOrPin);
        }

        if (member.IsLockedAt(now.UtcDateTime))
        {
            logger.LogInformation("Kiosk {KioskId}: sign-in refused, member {MemberId} is locked", kiosk.Id, member.MemberId);
            return new(KioskSignInStatus.MemberLocked, member.MemberId, new DateTimeOffset(DateTime.SpecifyKind(member.PinLockedUntilUtc!.Value, DateTimeKind.Utc)));
        }

        var account = new UserAccount { Id = member.MemberId };
        var verdict = hasher.VerifyHashedPassword(account, member.PinHash, pin);
        if (verdict == PasswordVerificationResult.Failed)
        {
            limiter.RecordFailure(kiosk.Id, now);
            var settings = options.Value;
            var lockedUntil = await store.RecordPinFailureAsync(
                member.MemberId, settings.MemberMaxFailures, TimeSpan.FromMinutes(settings.MemberLockoutMinutes), now.UtcDateTime, cancellationToken);
            logger.LogInformation("Kiosk {KioskId}: wrong PIN for member {MemberId}{Locked}", kiosk.Id, member.MemberId, lockedUntil is null ? "" : "; kiosk sign-in locked");
            return lockedUntil is { } locked
                ? new(KioskSignInStatus.MemberLocked, member.MemberId, new DateTimeOffset(DateTime.SpecifyKind(locked, DateTimeKind.Utc)))
                : new(KioskSignInStatus.WrongCodeOrPin);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await store.SetPinHashAsync(member.MemberId, hasher.HashPassword(account, pin), now.UtcDateTime, cancellationToken);
        }
        else
        {
            await store.RecordPinSuccessAsync(member.MemberId, cancellationToken);
        }

        await store.TouchAsync(kiosk.Id, now.UtcDateTime, cancellationToken);
        logger.LogInformation("Kiosk {KioskId}: member {MemberId} signed in", kiosk.Id, member.MemberId);
        return new(KioskSignInStatus.SignedIn, member.MemberId);
    }

    /// <summary>Hashes and stores a new PIN (already validated by <see cref="KioskPin"/>); clears any lock.</summary>
    public Task<bool> SetPinAsync(string memberId, string pin, CancellationToken cancellationToken = default) =>
        store.SetPinHashAsync(memberId, hasher.HashPassword(new UserAccount { Id = memberId }, pin), clock.GetUtcNow().UtcDateTime, cancellationToken);
}

/// <summary>"Call a trainer" from a kiosk: raises a floor alert, at most one per kiosk every 30 seconds.</summary>
public sealed class KioskCalls(BackOnTrack.Web.Trainer.FloorAlerts alerts, TimeProvider clock)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _last = new();

    public async Task CallTrainerAsync(Guid kioskId, string location, string? memberId, Guid? sessionId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_last.TryGetValue(kioskId, out var last) && now - last < Quiet)
        {
            return;
        }

        _last[kioskId] = now;
        await alerts.RaiseAsync(BackOnTrack.Data.Trainers.FloorAlertKind.CallTrainer, memberId, sessionId, kioskId, location, cancellationToken);
    }
}
