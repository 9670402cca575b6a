using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;

namespace BackOnTrack.Web.Tests.Session;

/// <summary>
/// Real session states for component tests, built only by playing commands through the engine and
/// folding its events (never hand-made), so a component is only ever shown a state the app can reach.
/// </summary>
public sealed record Play(SessionState State, DateTimeOffset Now)
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    public static ExerciseLibrary Library => ExerciseLibrary.BuiltIn;

    public static MemberPlan StarterPlan(Func<MemberPlan, MemberPlan>? with = null) =>
        (with ?? (p => p))(MemberPlan.Starter(Library, EquipmentOwned.None, T0.AddDays(-30)));

    /// <summary>A started training session for the (optionally changed) starter plan, with the library's real timings.</summary>
    public static Play Begin(Func<MemberPlan, MemberPlan>? plan = null)
    {
        var started = SessionEngine.Start(new Guid("0b7a2f43-6d0e-4c2b-9a55-1f6c3e8d9a10"), "member-1", SessionPlanner.ForTraining(StarterPlan(plan), Library), T0);
        return new Play(SessionEngine.Replay([started]), T0);
    }

    /// <summary>Applies a command a minute later (past any hold, rest or get-ready); it must be accepted.</summary>
    public Play Then(SessionCommand command, int secondsLater = 60)
    {
        var now = Now.AddSeconds(secondsLater);
        var result = SessionEngine.Apply(State, command, now);
        result.Rejection.ShouldBeNull($"{command} was rejected in {State.Phase}");
        return new Play(result.State, now);
    }

    public Play While(Func<SessionState, bool> condition, Func<SessionState, SessionCommand> command)
    {
        var play = this;
        for (var i = 0; i < 200 && condition(play.State); i++)
        {
            play = play.Then(command(play.State));
        }

        condition(play.State).ShouldBeFalse("the scripted loop did not finish");
        return play;
    }

    public Play ToBriefing() =>
        Then(new AnswerReadiness(BackFeeling.Good, AnythingNew: false))
            .While(s => s.Phase == SessionPhase.WarmUp, s => s.StretchInProgress ? new FinishStretchHold() : new StartStretch());

    public Play ToSet() => Then(new ConfirmBriefing(CuesRead: true)).Then(new StartSet());

    public Play FinishSet() =>
        Then(State.ActiveVariation!.Kind == VariationKind.Reps ? new CompleteSet(State.ActiveVariation.Amount) : new FinishHold());

    /// <summary>Every set of the current exercise, each checked in as muscle burn.</summary>
    public Play FinishExercise()
    {
        var index = State.ExerciseIndex;
        return While(
            s => s.ExerciseIndex == index && s.Phase is SessionPhase.Briefing or SessionPhase.SetInProgress or SessionPhase.CheckIn or SessionPhase.Rest,
            s => s.Phase switch
            {
                SessionPhase.Briefing when !s.BriefingConfirmed => new ConfirmBriefing(true),
                SessionPhase.Briefing => new StartSet(),
                SessionPhase.SetInProgress => s.ActiveVariation!.Kind == VariationKind.Reps ? new CompleteSet(s.ActiveVariation.Amount) : new FinishHold(),
                SessionPhase.CheckIn => new ReportSensation(Sensation.MuscleBurn, 2, FormRating.Good),
                _ => new FinishRest(),
            });
    }
}
