using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Web.Session;

namespace BackOnTrack.Web.Tests.Session;

/// <summary>The launcher, the circuit-scoped runner and the follow-up, through the app's real container and database.</summary>
public sealed class SessionRunnerTests(SessionApp app) : IClassFixture<SessionApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // ---- Starting (S8) ----

    [Fact]
    public async Task A_member_with_a_clear_screen_starts_a_session_and_starting_again_resumes_it()
    {
        var memberId = await app.OnboardedMemberAsync();

        var first = await app.Launcher.StartAsync(memberId, SessionKind.Training, SessionDevices.Home, Cancel);
        var second = await app.Launcher.StartAsync(memberId, SessionKind.Training, SessionDevices.Kiosk, Cancel);

        first.Status.ShouldBe(LaunchStatus.Started);
        first.SessionId.ShouldNotBeNull();
        second.Status.ShouldBe(LaunchStatus.ResumeUnfinished);
        second.SessionId.ShouldBe(first.SessionId);
        (await app.Sessions.RecentAsync(memberId, 10, Cancel)).ShouldHaveSingleItem().Id.ShouldBe(first.SessionId.Value);

        var stored = (await app.Sessions.LoadAsync(first.SessionId.Value, Cancel))!;
        stored.MemberId.ShouldBe(memberId);
        stored.Device.ShouldBe(SessionDevices.Home);
        var started = stored.Events.ShouldHaveSingleItem().ShouldBeOfType<SessionStarted>();
        started.Plan.Exercises.Select(e => e.ExerciseId).ShouldBe(app.Library.Exercises.Select(e => e.Id));
        started.Plan.WarmUp.ShouldNotBeEmpty("S1: every training session starts with the warm-up");
    }

    [Fact]
    public async Task S8_a_member_with_an_uncleared_red_flag_is_blocked_and_no_session_is_created()
    {
        var memberId = await app.OnboardedMemberAsync(screenClear: false);
        var answers = RedFlagScreen.AllNo().Select(a => a.QuestionId == RedFlagScreen.SaddleNumbness ? a with { Yes = true } : a).ToList();
        await app.Members.RecordScreeningAsync(memberId, answers, app.Clock.GetUtcNow().UtcDateTime, Cancel);

        var launched = await app.Launcher.StartAsync(memberId, SessionKind.Training, SessionDevices.Home, Cancel);

        launched.Status.ShouldBe(LaunchStatus.Blocked);
        launched.SessionId.ShouldBeNull();
        launched.Message.ShouldNotBeNull().ShouldContain(RedFlagScreen.UrgentAdvice);
        (await app.Sessions.RecentAsync(memberId, 10, Cancel)).ShouldBeEmpty();
    }

    [Fact]
    public async Task S8_a_member_who_never_answered_the_screen_is_blocked()
    {
        var memberId = await app.OnboardedMemberAsync(screenClear: false);

        var launched = await app.Launcher.StartAsync(memberId, SessionKind.Training, SessionDevices.Home, Cancel);

        launched.Status.ShouldBe(LaunchStatus.Blocked);
        (await app.Sessions.RecentAsync(memberId, 10, Cancel)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_member_without_a_profile_is_sent_to_onboarding()
    {
        var memberId = await app.NewMemberAsync();

        var launched = await app.Launcher.StartAsync(memberId, SessionKind.Training, SessionDevices.Home, Cancel);

        launched.Status.ShouldBe(LaunchStatus.NeedsOnboarding);
        launched.SessionId.ShouldBeNull();
        (await app.Sessions.RecentAsync(memberId, 10, Cancel)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_session_the_circuit_just_started_opens_from_the_handed_over_state_once_then_from_the_log()
    {
        var memberId = await app.OnboardedMemberAsync();
        var launched = await app.Launcher.StartAsync(memberId, SessionKind.Training, SessionDevices.Home, Cancel);
        var started = launched.Started.ShouldNotBeNull("a new session hands its first state to the circuit");
        started.SessionId.ShouldBe(launched.SessionId!.Value);
        await using var circuit = app.OpenCircuit();
        await using var otherScreen = app.OpenCircuit();

        circuit.Runner.Adopt(started, memberId, SessionDevices.Home);
        await otherScreen.OpenAsync(started.SessionId, memberId);
        await otherScreen.DoAsync(new AnswerReadiness(BackFeeling.Good, false));

        // The first open right after starting takes the handed-over state (no read-back of what was just written) ...
        (await circuit.Runner.LoadAsync(started.SessionId, memberId, Cancel)).ShouldBeTrue();
        circuit.State.Version.ShouldBe(started.Version);
        // ... and only once: the next open reads the log and sees what the other screen recorded.
        (await circuit.Runner.LoadAsync(started.SessionId, memberId, Cancel)).ShouldBeTrue();
        circuit.State.Version.ShouldBe(otherScreen.State.Version);
        circuit.State.Phase.ShouldBe(SessionPhase.WarmUp);

        // A handed-over state never opens for another member.
        var stranger = await app.OnboardedMemberAsync();
        circuit.Runner.Adopt(started, memberId, SessionDevices.Home);
        (await circuit.Runner.LoadAsync(started.SessionId, stranger, Cancel)).ShouldBeFalse();
    }

    // ---- Resuming, duplicates and races ----

    [Fact]
    public async Task A_new_circuit_resumes_the_session_at_the_exact_step()
    {
        var memberId = await app.OnboardedMemberAsync();
        var sessionId = await app.StartTrainingAsync(memberId);
        SessionState before;
        await using (var circuitA = app.OpenCircuit())
        {
            await circuitA.OpenAsync(sessionId, memberId);
            await circuitA.ToFirstSetAsync();
            await circuitA.DoAsync(circuitA.FinishSetCommand());
            await circuitA.DoAsync(new ReportSensation(Sensation.MuscleBurn, 2, FormRating.Good));
            before = circuitA.State;
        }

        // The browser dropped; a new connection builds a new runner from the log alone.
        await using var circuitB = app.OpenCircuit();
        await circuitB.OpenAsync(sessionId, memberId);

        circuitB.State.ShouldBe(before);
        (circuitB.State == before).ShouldBeTrue();
        circuitB.State.Phase.ShouldBe(SessionPhase.Rest);
        circuitB.State.Deadline.ShouldBe(before.Deadline, "the rest's deadline is stored, not counted on the server");
        await circuitB.DoAsync(new SkipRest());
        circuitB.State.SetNumber.ShouldBe(2);
    }

    [Fact]
    public async Task The_same_tap_twice_is_stale_and_recorded_once()
    {
        var memberId = await app.OnboardedMemberAsync();
        var sessionId = await app.StartTrainingAsync(memberId);
        await using var circuit = app.OpenCircuit();
        await circuit.OpenAsync(sessionId, memberId);
        await circuit.DoAsync(new AnswerReadiness(BackFeeling.Good, false));
        var seen = circuit.State.Version;
        var lengthBefore = await app.LogLengthAsync(sessionId);
        var changes = 0;
        circuit.Runner.Changed += () => changes++;

        var first = await circuit.Runner.SendAsync(new StartStretch(), seen, Cancel);
        var second = await circuit.Runner.SendAsync(new StartStretch(), seen, Cancel);

        first.Status.ShouldBe(CommandStatus.Accepted);
        second.Status.ShouldBe(CommandStatus.Stale);
        (await app.LogLengthAsync(sessionId)).ShouldBe(lengthBefore + 1);
        circuit.State.Version.ShouldBe(seen + 1);
        changes.ShouldBe(1, "only the recorded tap re-renders");
    }

    [Fact]
    public async Task Two_screens_on_one_session_the_slower_one_gets_a_conflict_and_sees_the_winner()
    {
        var memberId = await app.OnboardedMemberAsync();
        var sessionId = await app.StartTrainingAsync(memberId);
        await using var phone = app.OpenCircuit();
        await using var kiosk = app.OpenCircuit();
        await phone.OpenAsync(sessionId, memberId);
        await kiosk.OpenAsync(sessionId, memberId);

        await phone.DoAsync(new AnswerReadiness(BackFeeling.Good, false));
        var lengthAfterPhone = await app.LogLengthAsync(sessionId);
        var late = await kiosk.SendAsync(new AnswerReadiness(BackFeeling.Stiff, false));

        late.Status.ShouldBe(CommandStatus.Conflict);
        late.Message.ShouldNotBeNullOrWhiteSpace();
        (await app.LogLengthAsync(sessionId)).ShouldBe(lengthAfterPhone, "the losing write adds nothing");
        kiosk.State.ShouldBe(phone.State, "the kiosk reloaded the log and shows where the session stands");
        kiosk.State.Readiness!.Feeling.ShouldBe(BackFeeling.Good);
    }

    [Fact]
    public async Task A_member_cannot_open_or_drive_another_members_session()
    {
        var ownerId = await app.OnboardedMemberAsync();
        var intruderId = await app.OnboardedMemberAsync();
        var sessionId = await app.StartTrainingAsync(ownerId);
        await using var circuit = app.OpenCircuit();

        (await circuit.Runner.LoadAsync(sessionId, intruderId, Cancel)).ShouldBeFalse();
        circuit.Runner.State.ShouldBeNull();
        var sent = await circuit.Runner.SendAsync(new Stop(Sensation.SpineFelt), 1, Cancel);

        sent.Status.ShouldBe(CommandStatus.Rejected);
        (await app.LogLengthAsync(sessionId)).ShouldBe(1);
        (await app.HeaderStatusAsync(ownerId, sessionId)).ShouldBe(SessionHeaders.InProgress);
        (await circuit.Runner.LoadAsync(Guid.NewGuid(), ownerId, Cancel)).ShouldBeFalse("an unknown session reads the same as someone else's");
    }

    [Fact]
    public async Task Impossible_inputs_are_rejected_with_a_message_and_change_nothing()
    {
        var memberId = await app.OnboardedMemberAsync(plan => plan.WithPrescription(plan.Find("bridge")! with { VariationId = "bridge-march", Sets = 1, Amount = 8 }));
        var sessionId = await app.StartTrainingAsync(memberId);
        await using var circuit = app.OpenCircuit();
        await circuit.OpenAsync(sessionId, memberId);

        await RejectedAsync(circuit, sessionId, new AnswerReadiness(BackFeeling.Good, false, PainRating: 11));
        await circuit.ToFirstSetAsync();
        circuit.State.ActiveVariation!.VariationId.ShouldBe("bridge-march");
        await RejectedAsync(circuit, sessionId, new CompleteSet(-1));
        await RejectedAsync(circuit, sessionId, new CompleteSet(SessionEngine.MaxRepsPerSet + 1));
        await circuit.DoAsync(new CompleteSet(8));
        await RejectedAsync(circuit, sessionId, new ReportSensation(Sensation.Nothing, PainRating: 11));
        await RejectedAsync(circuit, sessionId, new ReportSensation(Sensation.Nothing, PainRating: -1));
        await circuit.DoAsync(new ReportSensation(Sensation.Nothing, PainRating: 1));
        for (var i = 0; i < 10 && circuit.State.Phase == SessionPhase.Briefing; i++)
        {
            await circuit.DoAsync(new Skip("Short on time"));
        }

        for (var i = 0; i < 20 && circuit.State.Phase == SessionPhase.CoolDown; i++)
        {
            await circuit.DoAsync(new Skip("Short on time"));
        }

        circuit.State.Phase.ShouldBe(SessionPhase.Summary);
        await RejectedAsync(circuit, sessionId, new RateSession(6, 11));
        await RejectedAsync(circuit, sessionId, new RateSession(0, 5));
        await circuit.DoAsync(new RateSession(5, 10));
    }

    private async Task RejectedAsync(Circuit circuit, Guid sessionId, SessionCommand command)
    {
        var stateBefore = circuit.State;
        var lengthBefore = await app.LogLengthAsync(sessionId);

        var outcome = await circuit.SendAsync(command);

        outcome.Status.ShouldBe(CommandStatus.Rejected, command.ToString());
        outcome.Message.ShouldNotBeNullOrWhiteSpace();
        circuit.State.ShouldBe(stateBefore, $"{command} changed the state");
        (await app.LogLengthAsync(sessionId)).ShouldBe(lengthBefore, $"{command} reached the log");
    }

    // ---- Safety stops and what follows (S6, S7, S8) ----

    [Fact]
    public async Task S6_spine_sensation_ends_the_session()
    {
        var memberId = await app.OnboardedMemberAsync();
        var sessionId = await app.StartTrainingAsync(memberId);
        await using var circuit = app.OpenCircuit();
        await circuit.OpenAsync(sessionId, memberId);
        await circuit.ToFirstSetAsync();
        await circuit.DoAsync(circuit.FinishSetCommand());

        await circuit.DoAsync(new ReportSensation(Sensation.SpineFelt));

        circuit.State.Phase.ShouldBe(SessionPhase.StoppedForSafety);
        circuit.State.Stopped!.Reason.ShouldBe(StopReason.SpineFelt);
        circuit.State.Stopped.ExerciseId.ShouldBe("bridge");
        (await app.HeaderStatusAsync(memberId, sessionId)).ShouldBe(nameof(SessionPhase.StoppedForSafety));
        var log = (await app.Sessions.LoadAsync(sessionId, Cancel))!.Events;
        log[^2].ShouldBeOfType<SessionStoppedForSafety>("the stop is recorded before the check-in that caused it");
        log[^1].ShouldBeOfType<CheckInRecorded>();
        (await app.Sessions.FindUnfinishedAsync(memberId, Cancel)).ShouldBeNull();

        var after = await circuit.SendAsync(new StartSet());
        after.Status.ShouldBe(CommandStatus.Rejected, "a stop cannot be undone within the session");
        (await app.LogLengthAsync(sessionId)).ShouldBe(log.Count);
    }

    [Fact]
    public async Task S7_after_a_spine_stop_at_the_easiest_rung_the_exercise_is_held_at_a_shorter_hold()
    {
        var memberId = await app.OnboardedMemberAsync();
        var before = (await app.Members.FindAsync(memberId, Cancel))!.Plan;
        var bridgeBefore = before.Find("bridge")!;
        var easiest = app.Library.GetExercise("bridge").Easiest;
        bridgeBefore.VariationId.ShouldBe(easiest.Id, "S3: a new member starts at the easiest rung");

        await StopInTheFirstExerciseAsync(memberId, Sensation.SpineFelt);

        var after = (await app.Members.FindAsync(memberId, Cancel))!.Plan;
        var bridge = after.Find("bridge")!;
        // ProgressionAdvisor.StepDown at the bottom of the ladder: same variation, a shorter hold
        // (default minus 5 s, never below half the default), progression held, the change dated now.
        bridge.VariationId.ShouldBe(easiest.Id);
        bridge.Amount.ShouldBe(Math.Max((easiest.DefaultAmount + 1) / 2, bridgeBefore.Amount - 5));
        bridge.Amount.ShouldBeLessThan(bridgeBefore.Amount);
        bridge.ProgressionHeld.ShouldBeTrue();
        bridge.LastChangedAt.ShouldBe(app.Clock.GetUtcNow());
        after.Exercises.Where(e => e.ExerciseId != "bridge").ShouldBe(before.Exercises.Where(e => e.ExerciseId != "bridge"), "only the stopped exercise changes");

        var next = SessionPlanner.ForTraining(after, app.Library);
        var planned = next.Exercises.Single(e => e.ExerciseId == "bridge").Variation;
        planned.VariationId.ShouldBe(easiest.Id);
        planned.Amount.ShouldBe(bridge.Amount, "the next session plans the shorter hold");
    }

    [Fact]
    public async Task S7_after_a_sharp_pain_stop_one_rung_up_the_exercise_goes_back_to_the_easier_variation()
    {
        var memberId = await app.OnboardedMemberAsync(plan => plan.WithPrescription(plan.Find("bridge")! with { VariationId = "bridge-march", Sets = 3, Amount = 10 }));

        await StopInTheFirstExerciseAsync(memberId, Sensation.SharpPain);

        var bridge = (await app.Members.FindAsync(memberId, Cancel))!.Plan.Find("bridge")!;
        var hold = app.Library.GetExercise("bridge").Easiest;
        bridge.VariationId.ShouldBe(hold.Id);
        bridge.Amount.ShouldBe(hold.DefaultAmount);
        bridge.Sets.ShouldBe(hold.Dosage.Sets);
        bridge.ProgressionHeld.ShouldBeTrue();

        var next = SessionPlanner.ForTraining((await app.Members.FindAsync(memberId, Cancel))!.Plan, app.Library);
        next.Exercises.Single(e => e.ExerciseId == "bridge").Variation.VariationId.ShouldBe(hold.Id);
    }

    private async Task StopInTheFirstExerciseAsync(string memberId, Sensation sensation)
    {
        var sessionId = await app.StartTrainingAsync(memberId);
        await using var circuit = app.OpenCircuit();
        await circuit.OpenAsync(sessionId, memberId);
        await circuit.ToFirstSetAsync();
        circuit.State.CurrentExercise!.ExerciseId.ShouldBe("bridge");
        await circuit.DoAsync(circuit.FinishSetCommand());
        await circuit.DoAsync(new ReportSensation(sensation));
        circuit.State.Phase.ShouldBe(SessionPhase.StoppedForSafety);
    }

    [Fact]
    public async Task S8_a_yes_in_the_rescreen_inside_a_session_stops_it_and_flags_the_member()
    {
        var memberId = await app.OnboardedMemberAsync();
        var sessionId = await app.StartTrainingAsync(memberId);
        await using var circuit = app.OpenCircuit();
        await circuit.OpenAsync(sessionId, memberId);

        await circuit.DoAsync(new AnswerReadiness(BackFeeling.Good, AnythingNew: true));
        circuit.State.RescreenPending.ShouldBeTrue();
        var answers = RedFlagScreen.AllNo().Select(a => a.QuestionId == RedFlagScreen.BladderOrBowelChange ? a with { Yes = true } : a).ToList();
        await circuit.DoAsync(new AnswerRedFlagScreen(answers));

        circuit.State.Phase.ShouldBe(SessionPhase.StoppedForSafety);
        circuit.State.Stopped!.Reason.ShouldBe(StopReason.RedFlag);
        (await app.HeaderStatusAsync(memberId, sessionId)).ShouldBe(nameof(SessionPhase.StoppedForSafety));
        var screening = await app.Members.ScreeningAsync(memberId, Cancel);
        screening.HasUnclearedRedFlag.ShouldBeTrue();
        screening.LatestResult!.PositiveQuestionIds.ShouldBe([RedFlagScreen.BladderOrBowelChange]);

        var again = await app.Launcher.StartAsync(memberId, SessionKind.Training, SessionDevices.Home, Cancel);
        again.Status.ShouldBe(LaunchStatus.Blocked, "no training until a trainer clears the red flag");
    }

    [Fact]
    public async Task S8_a_clear_rescreen_inside_a_session_is_recorded_and_the_session_goes_on()
    {
        var memberId = await app.OnboardedMemberAsync();
        var sessionId = await app.StartTrainingAsync(memberId);
        await using var circuit = app.OpenCircuit();
        await circuit.OpenAsync(sessionId, memberId);

        await circuit.DoAsync(new AnswerReadiness(BackFeeling.Good, AnythingNew: true));
        await circuit.DoAsync(new AnswerRedFlagScreen(RedFlagScreen.AllNo()));

        circuit.State.Phase.ShouldBe(SessionPhase.WarmUp);
        var screening = await app.Members.ScreeningAsync(memberId, Cancel);
        screening.AnsweredAt.ShouldBe(app.Clock.GetUtcNow(), "the in-session screen is now the member's latest");
        screening.HasUnclearedRedFlag.ShouldBeFalse();
    }
}
