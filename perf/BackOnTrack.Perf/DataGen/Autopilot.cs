using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;

namespace BackOnTrack.Perf.DataGen;

/// <summary>
/// Walks a session through the real engine the way a member who feels fine would: answers "good",
/// holds every stretch to the end, does every set as prescribed, checks in after each, and finishes.
/// Time only moves forward, to each deadline the engine set.
/// </summary>
internal static class Autopilot
{
    /// <summary>The next command for this state, and the time to send it at (never earlier than <paramref name="now"/>).</summary>
    public static (SessionCommand? Command, DateTimeOffset At) Next(SessionState state, DateTimeOffset now, Random random)
    {
        var readyAt = Later(now, state.GetReadyUntil);
        switch (state.Phase)
        {
            case SessionPhase.ReadinessCheck:
                return (new AnswerReadiness(BackFeeling.Good, AnythingNew: false), now.AddSeconds(20));
            case SessionPhase.WarmUp or SessionPhase.CoolDown:
                return state.StretchInProgress
                    ? (new FinishStretchHold(), Later(readyAt, state.Deadline))
                    : (new StartStretch(), now.AddSeconds(5));
            case SessionPhase.Briefing:
                return state.BriefingConfirmed
                    ? (new StartSet(), now.AddSeconds(5))
                    : (new ConfirmBriefing(CuesRead: true), now.AddSeconds(30));
            case SessionPhase.SetInProgress when state.ActiveVariation is { } variation:
                return variation.Kind == Domain.Library.VariationKind.Hold
                    ? (new FinishHold(), Later(readyAt, state.Deadline))
                    : (new CompleteSet(variation.Amount - (random.Next(10) == 0 ? 1 : 0)), readyAt.AddSeconds(variation.Amount * 3));
            case SessionPhase.CheckIn:
                var sensation = random.Next(4) == 0 ? Sensation.MuscleBurn : Sensation.Nothing;
                return (new ReportSensation(sensation, random.Next(3) == 0 ? random.Next(0, 3) : null, FormRating.Good), now.AddSeconds(8));
            case SessionPhase.Rest:
                return (new FinishRest(), Later(now, state.Deadline));
            case SessionPhase.TightnessPause:
                return (new ChooseAfterTightness(TightnessChoice.SkipExercise), now.AddSeconds(10));
            case SessionPhase.Summary:
                return state.Rating is null
                    ? (new RateSession(random.Next(3, 6), random.Next(4, 8)), now.AddSeconds(15))
                    : (new FinishSession(), now.AddSeconds(5));
            default:
                return (null, now);
        }
    }

    /// <summary>
    /// Plays commands from <see cref="Next"/> through the engine until the session ends or
    /// <paramref name="until"/> holds; returns the new state, the time reached and the events to append.
    /// </summary>
    public static (SessionState State, DateTimeOffset Now, IReadOnlyList<SessionEvent> Events) Walk(
        SessionState state, DateTimeOffset now, Random random, Func<SessionState, bool> until, string who)
    {
        var events = new List<SessionEvent>();
        for (var step = 0; step < 2_000 && !state.IsFinal && !until(state); step++)
        {
            var (command, at) = Next(state, now, random);
            if (command is null)
            {
                break;
            }

            now = at;
            var result = SessionEngine.Apply(state, command, now);
            if (result.Rejection is { } rejection)
            {
                throw new InvalidOperationException($"{who}: {command.GetType().Name} rejected in {state.Phase}: {rejection.Message}");
            }

            events.AddRange(result.Events);
            state = result.State;
        }

        return (state, now, events);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset? b) => b is { } value && value > a ? value : a;
}
