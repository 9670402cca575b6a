using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Kiosks;
using BackOnTrack.Data.Members;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Web.Kiosk;
using BackOnTrack.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackOnTrack.Web.Tests.Kiosk;

/// <summary>The whole app with a roomy per-tablet limit (so lockout tests are not cut short by it).</summary>
public class KioskApp : AppFactory
{
    public const string Password = "quiet morning stretch";

    protected virtual int DeviceMaxFailures => 100;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Kiosk:DeviceMaxFailures"] = Number(DeviceMaxFailures) };

    public KioskStore Kiosks => Services.GetRequiredService<KioskStore>();

    /// <summary>A member who finished onboarding and screened clear, with a kiosk PIN; returns their id, email and member code.</summary>
    public async Task<KioskTestMember> MemberWithPinAsync(string pin)
    {
        var email = $"member-{Guid.NewGuid():N}@example.com";
        var account = await CreateAccountAsync(email, Password, Roles.Member, "Sam Member");
        var members = Services.GetRequiredService<MemberStore>();
        var now = DateTime.UtcNow;
        await members.SaveOnboardingAsync(account.Id, "A stronger back", MemberPlan.Starter(ExerciseLibrary.BuiltIn, EquipmentOwned.None, now.AddDays(-30)), now.AddDays(-30));
        await members.RecordScreeningAsync(account.Id, RedFlagScreen.AllNo(), now.AddDays(-30));
        var access = (await Kiosks.EnsureMemberCodeAsync(account.Id)).ShouldNotBeNull();
        await using (var scope = Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<KioskSignIn>().SetPinAsync(account.Id, pin)).ShouldBeTrue();
        }

        return new KioskTestMember(account.Id, email, access.MemberCode);
    }

    /// <summary>An admin creates a kiosk; this browser opens the one-time link and becomes the kiosk.</summary>
    public async Task<(FormClient Tablet, Guid KioskId)> EnrolledTabletAsync(string location = "Gym floor")
    {
        await EnsureAdminAsync();
        var admin = (await FindAccountAsync(AdminEmail))!;
        var code = KioskStore.NewCode(12);
        var kiosk = await Kiosks.EnrolAsync("Tablet", location, admin.Id, code, DateTime.UtcNow);
        var tablet = CreateFormClient();
        using var enrolled = await tablet.SubmitAsync($"/kiosk/enrol?code={code}", "kiosk-enrol", new Dictionary<string, string>());
        enrolled.ShouldRedirect().ShouldBe("/kiosk");
        enrolled.Issues(KioskDeviceCookie.Name).ShouldBeTrue("enrolment stores the device credential");
        return (tablet, kiosk.Id);
    }

    /// <summary>Types a member code and PIN on the tablet's sign-in form.</summary>
    public static Task<HttpResponseMessage> SignInOnKioskAsync(FormClient tablet, string memberCode, string pin) =>
        tablet.SubmitAsync("/kiosk", "kiosk-sign-in", new Dictionary<string, string>
        {
            ["Input.MemberCode"] = memberCode,
            ["Input.Pin"] = pin,
        });

    public async Task<FormClient> SignedInOnKioskAsync(KioskTestMember member, string pin)
    {
        var (tablet, _) = await EnrolledTabletAsync();
        using var response = await SignInOnKioskAsync(tablet, member.MemberCode, pin);
        response.ShouldRedirect().ShouldBe("/kiosk/home");
        return tablet;
    }
}

/// <summary>The tablet answers 429 after three failures.</summary>
public sealed class TightKioskApp : KioskApp
{
    public const int Limit = 3;

    protected override int DeviceMaxFailures => Limit;
}

public sealed record KioskTestMember(string MemberId, string Email, string MemberCode);
