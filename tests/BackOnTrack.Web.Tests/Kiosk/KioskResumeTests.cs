using BackOnTrack.Domain.Sessions;
using BackOnTrack.Web.Session;
using BackOnTrack.Web.Tests.Session;

namespace BackOnTrack.Web.Tests.Kiosk;

/// <summary>A session started on a kiosk continues at home, and the other way round: the log is the truth.</summary>
public sealed class KioskResumeTests(SessionApp app) : IClassFixture<SessionApp>
{
    [Theory]
    [InlineData(SessionDevices.Kiosk, SessionDevices.Home)]
    [InlineData(SessionDevices.Home, SessionDevices.Kiosk)]
    public async Task An_unfinished_session_resumes_on_the_other_device_at_the_exact_step(string startedOn, string resumedOn)
    {
        var memberId = await app.OnboardedMemberAsync();
        var started = await app.Launcher.StartAsync(memberId, SessionKind.Training, startedOn, TestContext.Current.CancellationToken);
        started.Status.ShouldBe(LaunchStatus.Started);
        var sessionId = started.SessionId!.Value;
        int version;
        SessionPhase phase;
        await using (var first = app.OpenCircuit())
        {
            await first.OpenAsync(sessionId, memberId);
            await first.ToBriefingAsync();
            version = first.State.Version;
            phase = first.State.Phase;
        }

        // The member walks away; on the other device, starting again finds the unfinished session.
        var again = await app.Launcher.StartAsync(memberId, SessionKind.Training, resumedOn, TestContext.Current.CancellationToken);
        again.Status.ShouldBe(LaunchStatus.ResumeUnfinished);
        again.SessionId.ShouldBe(sessionId);

        await using var second = app.OpenCircuit();
        await second.OpenAsync(sessionId, memberId);
        second.State.Version.ShouldBe(version);
        second.State.Phase.ShouldBe(phase);
        second.Runner.Device.ShouldBe(startedOn, "the session keeps the device it started on");
        await second.DoAsync(new ConfirmBriefing(CuesRead: true));
        await second.DoAsync(new StartSet());
        second.State.Phase.ShouldBe(SessionPhase.SetInProgress);
        (await app.Sessions.LoadAsync(sessionId, TestContext.Current.CancellationToken))!.Device.ShouldBe(startedOn);
    }
}
