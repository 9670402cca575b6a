using BackOnTrack.Data.Kiosks;
using BackOnTrack.Data.Tests.Sessions;
using Microsoft.EntityFrameworkCore;

namespace BackOnTrack.Data.Tests.Kiosks;

public sealed class KioskStoreTests
{
    private const string AdminId = "admin-1";
    private const string MemberId = "member-1";
    private const string OtherMemberId = "member-2";
    private const string Code = "ABCD-EFGH-JKMN";
    private const string DeviceToken = "a-long-random-device-token";

    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateTime Now => StoreTestKit.T0.UtcDateTime;

    private static DateTime DayAgo => Now.AddDays(-1);

    private static async Task<(TempDatabase Database, KioskStore Store)> ArrangeAsync()
    {
        var database = await StoreTestKit.MigratedAsync(Cancel);
        await database.AddAccountAsync(AdminId);
        await database.AddAccountAsync(MemberId);
        await database.AddAccountAsync(OtherMemberId);
        var members = database.MemberStore();
        await members.SaveOnboardingAsync(MemberId, "goal", StoreTestKit.StarterPlan(), Now, Cancel);
        await members.SaveOnboardingAsync(OtherMemberId, "goal", StoreTestKit.StarterPlan(), Now, Cancel);
        return (database, new KioskStore(new Contexts(database)));
    }

    [Fact]
    public async Task An_enrolment_code_is_redeemed_once_for_a_device_credential_and_only_hashes_are_stored()
    {
        var (database, store) = await ArrangeAsync();
        await using var _ = database;

        var created = await store.EnrolAsync("Front tablet", "Gym floor", AdminId, Code, Now, Cancel);
        created.Status.ShouldBe(KioskStatus.AwaitingEnrolment);
        (await store.FindByTokenAsync(Code, Cancel)).ShouldBeNull("a pending code is not a device credential");
        (await store.IsActiveAsync(created.Id, Cancel)).ShouldBeFalse();

        var redeemed = await store.RedeemEnrolmentAsync("abcd efgh jkmn", DeviceToken, DayAgo, Now, Cancel);
        redeemed.ShouldNotBeNull("case and spacing of the typed code do not matter");
        redeemed.Status.ShouldBe(KioskStatus.Active);
        (await store.RedeemEnrolmentAsync(Code, "another-token", DayAgo, Now, Cancel)).ShouldBeNull("the code works once");

        var found = await store.FindByTokenAsync(DeviceToken, Cancel);
        found.ShouldNotBeNull().Id.ShouldBe(created.Id);
        found.Location.ShouldBe("Gym floor");
        (await store.IsActiveAsync(created.Id, Cancel)).ShouldBeTrue();

        await using var db = await database.CreateContextAsync();
        var row = await db.KioskDevices.AsNoTracking().SingleAsync(Cancel);
        row.TokenHash.ShouldBe(KioskStore.Hash(DeviceToken));
        row.TokenHash.ShouldNotContain(DeviceToken);
        row.TokenHash.Length.ShouldBe(64);
    }

    [Fact]
    public async Task An_expired_enrolment_code_is_refused()
    {
        var (database, store) = await ArrangeAsync();
        await using var _ = database;
        await store.EnrolAsync("Front tablet", "Gym floor", AdminId, Code, Now.AddDays(-2), Cancel);

        (await store.RedeemEnrolmentAsync(Code, DeviceToken, DayAgo, Now, Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task A_revoked_kiosk_is_refused_at_once_and_its_pending_code_dies_with_it()
    {
        var (database, store) = await ArrangeAsync();
        await using var _ = database;
        var active = await store.EnrolAsync("Front tablet", "Gym floor", AdminId, Code, Now, Cancel);
        await store.RedeemEnrolmentAsync(Code, DeviceToken, DayAgo, Now, Cancel);
        var pending = await store.EnrolAsync("Back tablet", "Studio", AdminId, "PEND-INGC-ODE2", Now, Cancel);

        (await store.RevokeAsync(active.Id, Now, Cancel)).ShouldBeTrue();
        (await store.RevokeAsync(pending.Id, Now, Cancel)).ShouldBeTrue();
        (await store.RevokeAsync(active.Id, Now, Cancel)).ShouldBeFalse("already revoked");

        (await store.FindByTokenAsync(DeviceToken, Cancel)).ShouldBeNull();
        (await store.IsActiveAsync(active.Id, Cancel)).ShouldBeFalse();
        (await store.RedeemEnrolmentAsync("PEND-INGC-ODE2", "t2", DayAgo, Now, Cancel)).ShouldBeNull();
        var listed = await store.ListAsync(Cancel);
        listed.Select(k => k.Status).ShouldAllBe(s => s == KioskStatus.Revoked);
    }

    [Fact]
    public async Task Each_member_gets_one_stable_unique_code_of_unambiguous_characters()
    {
        var (database, store) = await ArrangeAsync();
        await using var _ = database;

        var first = await store.EnsureMemberCodeAsync(MemberId, Cancel);
        var again = await store.EnsureMemberCodeAsync(MemberId, Cancel);
        var other = await store.EnsureMemberCodeAsync(OtherMemberId, Cancel);

        first.ShouldNotBeNull().MemberCode.Length.ShouldBe(KioskStore.MemberCodeLength);
        first.MemberCode.ShouldAllBe(c => KioskStore.CodeAlphabet.Contains(c));
        first.MemberCode.ShouldNotContain('0');
        first.MemberCode.ShouldNotContain('O');
        first.MemberCode.ShouldNotContain('I');
        again!.MemberCode.ShouldBe(first.MemberCode);
        other!.MemberCode.ShouldNotBe(first.MemberCode);
        first.HasPin.ShouldBeFalse();
        (await store.EnsureMemberCodeAsync(AdminId, Cancel)).ShouldBeNull("no profile, no code");

        var byCode = await store.FindMemberByCodeAsync(first.MemberCode.ToLowerInvariant().Insert(3, "-"), Cancel);
        byCode.ShouldNotBeNull().MemberId.ShouldBe(MemberId);
        byCode.DisplayName.ShouldBe(MemberId);
        (await store.FindMemberByCodeAsync("ZZZZ", Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task The_fifth_wrong_PIN_locks_that_member_only_and_a_new_PIN_unlocks()
    {
        var (database, store) = await ArrangeAsync();
        await using var _ = database;
        await store.SetPinHashAsync(MemberId, "hash-1", Now, Cancel);
        await store.SetPinHashAsync(OtherMemberId, "hash-2", Now, Cancel);

        for (var i = 1; i <= 4; i++)
        {
            (await store.RecordPinFailureAsync(MemberId, 5, Lockout, Now, Cancel)).ShouldBeNull($"failure {i} does not lock");
        }

        await store.RecordPinFailureAsync(OtherMemberId, 5, Lockout, Now, Cancel);
        var locked = await store.RecordPinFailureAsync(MemberId, 5, Lockout, Now, Cancel);

        locked.ShouldBe(Now + Lockout);
        var member = (await store.FindMemberByCodeAsync((await store.EnsureMemberCodeAsync(MemberId, Cancel))!.MemberCode, Cancel))!;
        member.IsLockedAt(Now.AddMinutes(14)).ShouldBeTrue();
        member.IsLockedAt(Now.AddMinutes(15)).ShouldBeFalse();
        var other = (await store.FindMemberByCodeAsync((await store.EnsureMemberCodeAsync(OtherMemberId, Cancel))!.MemberCode, Cancel))!;
        other.IsLockedAt(Now).ShouldBeFalse("another member's failures never lock this one");
        other.PinFailures.ShouldBe(1);

        await store.RecordPinSuccessAsync(OtherMemberId, Cancel);
        await store.SetPinHashAsync(MemberId, "hash-3", Now, Cancel);
        var reset = (await store.FindMemberByCodeAsync((await store.EnsureMemberCodeAsync(MemberId, Cancel))!.MemberCode, Cancel))!;
        reset.PinHash.ShouldBe("hash-3");
        reset.PinFailures.ShouldBe(0);
        reset.IsLockedAt(Now).ShouldBeFalse();
        (await store.FindMemberByCodeAsync((await store.EnsureMemberCodeAsync(OtherMemberId, Cancel))!.MemberCode, Cancel))!.PinFailures.ShouldBe(0);
    }

    private sealed class Contexts(TempDatabase database) : IDbContextFactory<BackOnTrackDbContext>
    {
        public BackOnTrackDbContext CreateDbContext() => database.CreateContextAsync().GetAwaiter().GetResult();

        public Task<BackOnTrackDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => database.CreateContextAsync();
    }
}
