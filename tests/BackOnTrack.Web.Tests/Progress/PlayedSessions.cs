using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;

namespace BackOnTrack.Web.Tests.Progress;

/// <summary>
/// Session logs for history tests, made only by playing commands through the engine (so every log is
/// one the app can write): warm-up, a number of sets checked in, then a stop, an abandon or the end.
/// </summary>
public static class PlayedSessions
{
    private static readonly SessionTimings Short = new()
    {
        GetReadySeconds = 3,
        SwitchSidesSeconds = 2,
        StretchHoldSecondsOverride = 5,
        ExerciseHoldSecondsOverride = 5,
        RestSecondsOverride = 5,
    };

    public static SessionPlan TrainingPlan(DateTimeOffset at) =>
        SessionPlanner.ForTraining(MemberPlan.Starter(ExerciseLibrary.BuiltIn, EquipmentOwned.None, at.AddDays(-30)), ExerciseLibrary.BuiltIn, Short);

    /// <summary>
    /// A training session with <paramref name="sets"/> sets done, each checked in with <paramref name="feel"/>
    /// (pain 2, good form). Then <paramref name="end"/> is applied (a Stop, an Abandon, ...), if any.
    /// </summary>
    public static IReadOnlyList<SessionEvent> Training(Guid id, string memberId, DateTimeOffset at, int sets, SessionCommand? end = null, Sensation feel = Sensation.MuscleBurn)
    {
        var events = new List<SessionEvent> { SessionEngine.Start(id, memberId, TrainingPlan(at), at) };
        var state = SessionEngine.Replay(events);
        var now = at;

        void Apply(SessionCommand command)
        {
            now = now.AddSeconds(60);
            var result = SessionEngine.Apply(state, command, now);
            result.Rejection.ShouldBeNull($"{command} was rejected in {state.Phase}");
            state = result.State;
            events.AddRange(result.Events);
        }

        for (var step = 0; step < 500 && state.CompletedSets.Count < sets; step++)
        {
            Apply(state.Phase switch
            {
                SessionPhase.ReadinessCheck => new AnswerReadiness(BackFeeling.Good, AnythingNew: false),
                SessionPhase.WarmUp => state.StretchInProgress ? new FinishStretchHold() : new StartStretch(),
                SessionPhase.Briefing when !state.BriefingConfirmed => new ConfirmBriefing(CuesRead: true),
                SessionPhase.Briefing => new StartSet(),
                SessionPhase.SetInProgress => state.ActiveVariation!.Kind == VariationKind.Reps ? new CompleteSet(state.ActiveVariation.Amount) : new FinishHold(),
                SessionPhase.CheckIn => new ReportSensation(feel, 2, FormRating.Good),
                SessionPhase.Rest => new FinishRest(),
                _ => throw new InvalidOperationException($"Unexpected phase {state.Phase} while playing sets."),
            });
        }

        if (state.Phase == SessionPhase.ReadinessCheck)
        {
            Apply(new AnswerReadiness(BackFeeling.Good, AnythingNew: false));
        }

        if (state.Phase == SessionPhase.CheckIn)
        {
            Apply(new ReportSensation(feel, 2, FormRating.Good));
        }

        if (end is not null)
        {
            Apply(end);
        }

        return events;
    }
}
