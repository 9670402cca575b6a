using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;

namespace BackOnTrack.Domain.Tests.Support;

/// <summary>Test data as functions that take a <c>with</c>-transform: no mutable builders.</summary>
public static class Build
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    public static readonly Guid SessionId = new("6f1e9a52-3f0b-4c55-9d7e-0a4b8f1c2d31");

    public const string MemberId = "member-1";

    public static ExerciseLibrary Library => ExerciseLibrary.BuiltIn;

    public static EquipmentOwned Equipment(Func<EquipmentOwned, EquipmentOwned>? with = null) =>
        (with ?? (e => e))(new EquipmentOwned(Bench: true, KettlebellsKg: [8m, 12m, 16m], PlatesKg: [2.5m, 5m, 10m], BandOrAnkleWeight: true));

    public static MemberPlan StarterPlan(Func<MemberPlan, MemberPlan>? with = null) =>
        (with ?? (p => p))(MemberPlan.Starter(Library, Equipment(), T0.AddDays(-60)));

    /// <summary>Short timings so tests can step past deadlines with small time jumps.</summary>
    public static SessionTimings ShortTimings { get; } = new()
    {
        GetReadySeconds = 3,
        SwitchSidesSeconds = 2,
        StretchHoldSecondsOverride = 5,
        ExerciseHoldSecondsOverride = 5,
        RestSecondsOverride = 5,
    };

    public static SessionPlan TrainingPlan(Func<SessionPlan, SessionPlan>? with = null) =>
        (with ?? (p => p))(SessionPlanner.ForTraining(StarterPlan(), Library, ShortTimings));

    public static SessionPlan EveningPlan(Func<SessionPlan, SessionPlan>? with = null) =>
        (with ?? (p => p))(SessionPlanner.ForEveningStretch(Library, ShortTimings));

    public static SessionState Started(SessionPlan? plan = null) =>
        SessionEngine.Replay([SessionEngine.Start(SessionId, MemberId, plan ?? TrainingPlan(), T0)]);

    public static ExercisePrescription Prescription(string exerciseId, Func<ExercisePrescription, ExercisePrescription>? with = null) =>
        (with ?? (p => p))(StarterPlan().Find(exerciseId)!);
}

/// <summary>An immutable run of a session: each step applies a command a little later and keeps the log.</summary>
public sealed record Run(SessionState State, ValueList<SessionEvent> Log, DateTimeOffset Now)
{
    /// <summary>Seconds between commands by default: long enough for any short-plan deadline to pass.</summary>
    public const int Step = 60;

    public static Run Begin(SessionPlan? plan = null)
    {
        var started = SessionEngine.Start(Build.SessionId, Build.MemberId, plan ?? Build.TrainingPlan(), Build.T0);
        return new Run(SessionEngine.Replay([started]), [started], Build.T0);
    }

    public ApplyResult Try(SessionCommand command, int secondsLater = Step) =>
        SessionEngine.Apply(State, command, Now.AddSeconds(secondsLater));

    /// <summary>Applies a command that must be accepted.</summary>
    public Run Then(SessionCommand command, int secondsLater = Step)
    {
        var result = Try(command, secondsLater);
        result.Rejection.ShouldBeNull($"{command} was rejected in {State.Phase}");
        return new Run(result.State, Log.AddRange(result.Events), Now.AddSeconds(secondsLater));
    }

    public Run Repeat(Func<Run, bool> whileTrue, Func<Run, SessionCommand> command, int max = 200)
    {
        var run = this;
        for (var i = 0; i < max && whileTrue(run); i++)
        {
            run = run.Then(command(run));
        }

        whileTrue(run).ShouldBeFalse("the loop did not finish");
        return run;
    }

    public SessionPhase Phase => State.Phase;
}

/// <summary>Ways to walk a session into each phase.</summary>
public static class Walk
{
    public static Run ToWarmUp(SessionPlan? plan = null) =>
        Run.Begin(plan).Then(new AnswerReadiness(BackFeeling.Good, AnythingNew: false));

    public static Run FinishStretches(this Run run, SessionPhase phase) =>
        run.Repeat(r => r.Phase == phase, r => r.State.StretchInProgress ? new FinishStretchHold() : new StartStretch());

    public static Run ToBriefing(SessionPlan? plan = null) => ToWarmUp(plan).FinishStretches(SessionPhase.WarmUp);

    public static Run ToSet(SessionPlan? plan = null) =>
        ToBriefing(plan).Then(new ConfirmBriefing(CuesRead: true)).Then(new StartSet());

    public static SessionCommand FinishSetCommand(SessionState state) =>
        state.ActiveVariation!.Kind == VariationKind.Reps ? new CompleteSet(state.ActiveVariation.Amount) : new FinishHold();

    public static Run FinishSet(this Run run) => run.Then(FinishSetCommand(run.State));

    public static Run ToCheckIn(SessionPlan? plan = null) => ToSet(plan).FinishSet();

    public static Run ToRest(SessionPlan? plan = null) => ToCheckIn(plan).Then(new ReportSensation(Sensation.MuscleBurn));

    public static Run ToTightness(SessionPlan? plan = null) => ToCheckIn(plan).Then(new ReportSensation(Sensation.Tightness));

    public static Run ToCoolDown(SessionPlan? plan = null) =>
        ToBriefing(plan).Repeat(r => r.Phase == SessionPhase.Briefing, _ => new Skip("Not today"));

    public static Run ToSummary(SessionPlan? plan = null) =>
        ToCoolDown(plan).Repeat(r => r.Phase == SessionPhase.CoolDown, _ => new Skip("Short on time"));

    public static Run ToCompleted() => ToSummary().Then(new FinishSession());

    public static Run ToStopped() => ToSet().Then(new Stop(Sensation.SpineFelt));

    public static Run ToAbandoned() => ToWarmUp().Then(new Abandon("Phone call"));

    /// <summary>Plays every exercise cleanly: confirm, all sets at target, "muscle burn", rest.</summary>
    public static Run CompleteAllExercisesCleanly(this Run run) =>
        run.Repeat(
            r => r.Phase is SessionPhase.Briefing or SessionPhase.SetInProgress or SessionPhase.CheckIn or SessionPhase.Rest,
            r => r.Phase switch
            {
                SessionPhase.Briefing when !r.State.BriefingConfirmed => new ConfirmBriefing(true),
                SessionPhase.Briefing => new StartSet(),
                SessionPhase.SetInProgress => FinishSetCommand(r.State),
                SessionPhase.CheckIn => new ReportSensation(Sensation.MuscleBurn, 1, FormRating.Good),
                _ => new FinishRest(),
            },
            max: 500);

    public static Run ToPhase(SessionPhase phase) => phase switch
    {
        SessionPhase.ReadinessCheck => Run.Begin(),
        SessionPhase.WarmUp => ToWarmUp(),
        SessionPhase.Briefing => ToBriefing(),
        SessionPhase.SetInProgress => ToSet(),
        SessionPhase.CheckIn => ToCheckIn(),
        SessionPhase.Rest => ToRest(),
        SessionPhase.TightnessPause => ToTightness(),
        SessionPhase.CoolDown => ToCoolDown(),
        SessionPhase.Summary => ToSummary(),
        SessionPhase.Completed => ToCompleted(),
        SessionPhase.StoppedForSafety => ToStopped(),
        SessionPhase.Abandoned => ToAbandoned(),
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Use SessionState.Initial for NotStarted."),
    };
}
