using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Domain.Tests.Support;

namespace BackOnTrack.Domain.Tests.Sessions;

/// <summary>(phase, command) → new phase, or "!Code" for a rejection. Every phase appears.</summary>
public class PhaseTableTests
{
    private static readonly Dictionary<string, SessionCommand> Commands = new()
    {
        ["AnswerReadiness"] = new AnswerReadiness(BackFeeling.Good, false),
        ["AnswerRedFlagScreen"] = new AnswerRedFlagScreen(RedFlagScreen.AllNo()),
        ["StartStretch"] = new StartStretch(),
        ["FinishStretchHold"] = new FinishStretchHold(),
        ["WaiveWarmUp"] = new WaiveWarmUp("trainer-7", "Already warm"),
        ["ConfirmBriefing"] = new ConfirmBriefing(true),
        ["StartSet"] = new StartSet(),
        ["CompleteSet"] = new CompleteSet(10),
        ["FinishHold"] = new FinishHold(),
        ["ReportSensation"] = new ReportSensation(Sensation.MuscleBurn, 2, FormRating.Good),
        ["FinishRest"] = new FinishRest(),
        ["SkipRest"] = new SkipRest(),
        ["ChooseEasier"] = new ChooseAfterTightness(TightnessChoice.EasierVariation),
        ["ChooseSkip"] = new ChooseAfterTightness(TightnessChoice.SkipExercise),
        ["Skip"] = new Skip("Not today"),
        ["Pause"] = new Pause(),
        ["Resume"] = new Resume(),
        ["Stop"] = new Stop(),
        ["RateSession"] = new RateSession(3, 5),
        ["FinishSession"] = new FinishSession(),
        ["Abandon"] = new Abandon(),
    };

    public static IReadOnlyList<SessionCommand> AllCommands => [.. Commands.Values];

    [Theory]
    [InlineData(SessionPhase.ReadinessCheck, "AnswerReadiness", "WarmUp")]
    [InlineData(SessionPhase.ReadinessCheck, "AnswerRedFlagScreen", "!WrongPhase")]
    [InlineData(SessionPhase.ReadinessCheck, "StartStretch", "!ReadinessFirst")]
    [InlineData(SessionPhase.ReadinessCheck, "StartSet", "!ReadinessFirst")]
    [InlineData(SessionPhase.ReadinessCheck, "FinishSession", "!ReadinessFirst")]
    [InlineData(SessionPhase.ReadinessCheck, "Pause", "ReadinessCheck")]
    [InlineData(SessionPhase.ReadinessCheck, "Resume", "!NotPaused")]
    [InlineData(SessionPhase.ReadinessCheck, "Stop", "StoppedForSafety")]
    [InlineData(SessionPhase.ReadinessCheck, "Abandon", "Abandoned")]
    [InlineData(SessionPhase.WarmUp, "StartStretch", "WarmUp")]
    [InlineData(SessionPhase.WarmUp, "FinishStretchHold", "!WrongPhase")]
    [InlineData(SessionPhase.WarmUp, "WaiveWarmUp", "Briefing")]
    [InlineData(SessionPhase.WarmUp, "ConfirmBriefing", "!WarmUpNotDone")]
    [InlineData(SessionPhase.WarmUp, "StartSet", "!WarmUpNotDone")]
    [InlineData(SessionPhase.WarmUp, "CompleteSet", "!WarmUpNotDone")]
    [InlineData(SessionPhase.WarmUp, "FinishHold", "!WarmUpNotDone")]
    [InlineData(SessionPhase.WarmUp, "Skip", "!WarmUpCannotBeSkipped")]
    [InlineData(SessionPhase.WarmUp, "ReportSensation", "!WrongPhase")]
    [InlineData(SessionPhase.WarmUp, "AnswerReadiness", "!WrongPhase")]
    [InlineData(SessionPhase.WarmUp, "RateSession", "!WrongPhase")]
    [InlineData(SessionPhase.WarmUp, "Pause", "WarmUp")]
    [InlineData(SessionPhase.WarmUp, "Stop", "StoppedForSafety")]
    [InlineData(SessionPhase.WarmUp, "Abandon", "Abandoned")]
    [InlineData(SessionPhase.Briefing, "ConfirmBriefing", "Briefing")]
    [InlineData(SessionPhase.Briefing, "StartSet", "!BriefingNotConfirmed")]
    [InlineData(SessionPhase.Briefing, "Skip", "Briefing")]
    [InlineData(SessionPhase.Briefing, "CompleteSet", "!WrongPhase")]
    [InlineData(SessionPhase.Briefing, "ReportSensation", "!WrongPhase")]
    [InlineData(SessionPhase.Briefing, "WaiveWarmUp", "!WrongPhase")]
    [InlineData(SessionPhase.Briefing, "StartStretch", "!WrongPhase")]
    [InlineData(SessionPhase.Briefing, "Stop", "StoppedForSafety")]
    [InlineData(SessionPhase.SetInProgress, "FinishHold", "CheckIn")]
    [InlineData(SessionPhase.SetInProgress, "CompleteSet", "!WrongSetKind")]
    [InlineData(SessionPhase.SetInProgress, "StartSet", "!SetInProgress")]
    [InlineData(SessionPhase.SetInProgress, "Skip", "!SetInProgress")]
    [InlineData(SessionPhase.SetInProgress, "ReportSensation", "!SetInProgress")]
    [InlineData(SessionPhase.SetInProgress, "Pause", "SetInProgress")]
    [InlineData(SessionPhase.SetInProgress, "Stop", "StoppedForSafety")]
    [InlineData(SessionPhase.CheckIn, "ReportSensation", "Rest")]
    [InlineData(SessionPhase.CheckIn, "StartSet", "!CheckInPending")]
    [InlineData(SessionPhase.CheckIn, "FinishRest", "!CheckInPending")]
    [InlineData(SessionPhase.CheckIn, "Skip", "!CheckInPending")]
    [InlineData(SessionPhase.CheckIn, "FinishSession", "!CheckInPending")]
    [InlineData(SessionPhase.CheckIn, "Pause", "CheckIn")]
    [InlineData(SessionPhase.CheckIn, "Stop", "StoppedForSafety")]
    [InlineData(SessionPhase.Rest, "FinishRest", "SetInProgress")]
    [InlineData(SessionPhase.Rest, "SkipRest", "SetInProgress")]
    [InlineData(SessionPhase.Rest, "Skip", "Briefing")]
    [InlineData(SessionPhase.Rest, "StartSet", "!WrongPhase")]
    [InlineData(SessionPhase.Rest, "ReportSensation", "!WrongPhase")]
    [InlineData(SessionPhase.Rest, "Stop", "StoppedForSafety")]
    [InlineData(SessionPhase.TightnessPause, "ChooseEasier", "!NoEasierVariation")]
    [InlineData(SessionPhase.TightnessPause, "ChooseSkip", "Briefing")]
    [InlineData(SessionPhase.TightnessPause, "Skip", "Briefing")]
    [InlineData(SessionPhase.TightnessPause, "StartStretch", "TightnessPause")]
    [InlineData(SessionPhase.TightnessPause, "FinishStretchHold", "!WrongPhase")]
    [InlineData(SessionPhase.TightnessPause, "StartSet", "!WrongPhase")]
    [InlineData(SessionPhase.TightnessPause, "Stop", "StoppedForSafety")]
    [InlineData(SessionPhase.CoolDown, "StartStretch", "CoolDown")]
    [InlineData(SessionPhase.CoolDown, "Skip", "CoolDown")]
    [InlineData(SessionPhase.CoolDown, "FinishSession", "!WrongPhase")]
    [InlineData(SessionPhase.CoolDown, "StartSet", "!WrongPhase")]
    [InlineData(SessionPhase.CoolDown, "WaiveWarmUp", "!WrongPhase")]
    [InlineData(SessionPhase.CoolDown, "Stop", "StoppedForSafety")]
    [InlineData(SessionPhase.Summary, "RateSession", "Summary")]
    [InlineData(SessionPhase.Summary, "FinishSession", "Completed")]
    [InlineData(SessionPhase.Summary, "StartStretch", "!WrongPhase")]
    [InlineData(SessionPhase.Summary, "Pause", "Summary")]
    [InlineData(SessionPhase.Summary, "Stop", "StoppedForSafety")]
    [InlineData(SessionPhase.Summary, "Abandon", "Abandoned")]
    [InlineData(SessionPhase.Completed, "RateSession", "!SessionEnded")]
    [InlineData(SessionPhase.Completed, "Stop", "!SessionEnded")]
    [InlineData(SessionPhase.Completed, "StartSet", "!SessionEnded")]
    [InlineData(SessionPhase.StoppedForSafety, "RateSession", "StoppedForSafety")]
    [InlineData(SessionPhase.StoppedForSafety, "StartSet", "!SessionEnded")]
    [InlineData(SessionPhase.StoppedForSafety, "Stop", "!SessionEnded")]
    [InlineData(SessionPhase.StoppedForSafety, "Resume", "!SessionEnded")]
    [InlineData(SessionPhase.Abandoned, "RateSession", "!SessionEnded")]
    [InlineData(SessionPhase.Abandoned, "Resume", "!SessionEnded")]
    [InlineData(SessionPhase.Abandoned, "AnswerReadiness", "!SessionEnded")]
    public void Phase_and_command_give_the_next_phase_or_a_rejection(SessionPhase phase, string command, string expected)
    {
        var run = Walk.ToPhase(phase);
        run.Phase.ShouldBe(phase);
        var result = run.Try(Commands[command]);
        Describe(result).ShouldBe(expected);
    }

    [Theory]
    [InlineData("AnswerReadiness")]
    [InlineData("Stop")]
    [InlineData("Pause")]
    public void Nothing_is_accepted_before_the_session_starts(string command)
    {
        var result = SessionEngine.Apply(SessionState.Initial, Commands[command], Build.T0);
        result.Rejection!.Code.ShouldBe(RejectionCode.NotStarted);
    }

    public static TheoryData<SessionPhase> AllPhases => [.. Enum.GetValues<SessionPhase>()];

    [Theory]
    [MemberData(nameof(AllPhases))]
    public void Every_command_in_every_phase_is_either_events_or_a_readable_rejection(SessionPhase phase)
    {
        var state = phase == SessionPhase.NotStarted ? SessionState.Initial : Walk.ToPhase(phase).State;
        foreach (var command in AllCommands)
        {
            foreach (var paused in new[] { false, true })
            {
                var before = paused && !state.IsFinal && !state.Paused && phase != SessionPhase.NotStarted
                    ? SessionEngine.Apply(state, new Pause(), Build.T0.AddHours(1)).State
                    : state;
                var result = SessionEngine.Apply(before, command, Build.T0.AddHours(2));
                if (result.IsAccepted)
                {
                    result.Events.ShouldNotBeEmpty();
                    result.State.Version.ShouldBe(before.Version + result.Events.Count);
                }
                else
                {
                    result.Rejection!.Message.ShouldNotBeNullOrWhiteSpace();
                    result.State.ShouldBe(before);
                }
            }
        }
    }

    private static string Describe(ApplyResult result) =>
        result.Rejection is { } rejection ? "!" + rejection.Code : result.State.Phase.ToString();
}
