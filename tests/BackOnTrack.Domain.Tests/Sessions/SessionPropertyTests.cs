using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Domain.Tests.Support;
using CsCheck;

namespace BackOnTrack.Domain.Tests.Sessions;

/// <summary>Random command sequences, steered towards progress so deep phases are reached.</summary>
public class SessionPropertyTests
{
    private sealed record StepInput(int Choice, int Command, int Param, int Seconds);

    private static readonly Gen<StepInput> StepGen =
        Gen.Select(Gen.Int[0, 99], Gen.Int[0, 19], Gen.Int[0, 1000], Gen.Int[0, 90], (c, k, p, s) => new StepInput(c, k, p, s));

    private static readonly Gen<(bool Evening, StepInput[] Steps)> SequenceGen =
        Gen.Select(Gen.Int[0, 9].Select(i => i == 0), StepGen.Array[1, 150]);

    private static readonly IReadOnlyList<RedFlagAnswer> PositiveScreen =
        RedFlagScreen.AllNo().Select(a => a.QuestionId == RedFlagScreen.Fever ? a with { Yes = true } : a).ToList();

    private static SessionCommand RandomCommand(int command, int p) => command switch
    {
        0 => new AnswerReadiness((BackFeeling)(p % 4), p % 7 == 0, p % 3 == 0 ? (p % 13) - 1 : null),
        1 => new AnswerRedFlagScreen(p % 5 == 0 ? PositiveScreen : RedFlagScreen.AllNo()),
        2 => new StartStretch(),
        3 => new FinishStretchHold(),
        4 => new WaiveWarmUp(p % 4 == 0 ? "" : "trainer-7", "note"),
        5 => new ConfirmBriefing(p % 2 == 0),
        6 => new StartSet(),
        7 => new CompleteSet((p % 40) - 5),
        8 => new FinishHold(),
        9 => new ReportSensation((Sensation)(p % 5), p % 4 == 0 ? (p % 13) - 1 : null, (FormRating)(p % 3)),
        10 => new FinishRest(),
        11 => new SkipRest(),
        12 => new ChooseAfterTightness((TightnessChoice)(p % 2)),
        13 => new Skip(p % 3 == 0 ? "" : "reason"),
        14 => new Pause(),
        15 => new Resume(),
        16 => new Stop(p % 2 == 0 ? (Sensation)(p % 5) : null, p % 3 == 0 ? p % 11 : null),
        17 => new RateSession(p % 7, p % 12),
        18 => new FinishSession(),
        _ => p % 10 == 0 ? new Abandon("bored") : new Resume(),
    };

    private static SessionCommand HelpfulCommand(SessionState state, int p)
    {
        if (state.Paused)
        {
            return new Resume();
        }

        return state.Phase switch
        {
            SessionPhase.ReadinessCheck when state.RescreenPending => new AnswerRedFlagScreen(RedFlagScreen.AllNo()),
            SessionPhase.ReadinessCheck => new AnswerReadiness(p % 10 == 0 ? BackFeeling.Sore : BackFeeling.Good, p % 15 == 0),
            SessionPhase.WarmUp or SessionPhase.CoolDown => state.StretchInProgress ? new FinishStretchHold() : new StartStretch(),
            SessionPhase.Briefing => state.BriefingConfirmed ? new StartSet() : new ConfirmBriefing(true),
            SessionPhase.SetInProgress => Walk.FinishSetCommand(state),
            SessionPhase.CheckIn => new ReportSensation(p % 10 < 8 ? Sensation.MuscleBurn : Sensation.Tightness, p % 4),
            SessionPhase.Rest => new FinishRest(),
            SessionPhase.TightnessPause => new ChooseAfterTightness((TightnessChoice)(p % 2)),
            _ => new FinishSession(),
        };
    }

    private sealed record Trace(SessionState Before, SessionCommand Command, ApplyResult Result, ValueList<SessionEvent> Log);

    /// <summary>Plays a generated sequence and returns every step with the log so far.</summary>
    private static List<Trace> Play(bool evening, StepInput[] steps)
    {
        var run = Run.Begin(evening ? Build.EveningPlan() : Build.TrainingPlan());
        var traces = new List<Trace>();
        var state = run.State;
        var log = run.Log;
        var now = run.Now;
        foreach (var step in steps)
        {
            now = now.AddSeconds(step.Seconds);
            var command = step.Choice < 75 ? HelpfulCommand(state, step.Param) : RandomCommand(step.Command, step.Param);
            var result = SessionEngine.Apply(state, command, now);
            if (result.IsAccepted)
            {
                log = log.AddRange(result.Events);
            }

            traces.Add(new Trace(state, command, result, log));
            state = result.State;
        }

        return traces;
    }

    [Fact]
    public void S6_no_set_starts_and_nothing_but_rating_is_accepted_after_a_safety_stop()
    {
        SequenceGen.Sample((evening, steps) =>
        {
            foreach (var trace in Play(evening, steps))
            {
                if (trace.Before.Phase == SessionPhase.StoppedForSafety)
                {
                    (trace.Result.IsAccepted && trace.Command is not RateSession).ShouldBeFalse($"{trace.Command} accepted after a stop");
                    trace.Result.Events.OfType<SetStarted>().ShouldBeEmpty();
                    trace.Result.State.Phase.ShouldBe(SessionPhase.StoppedForSafety);
                }

                var stopAt = trace.Result.Events.Select((e, i) => (e, i)).Where(x => x.e is SessionStoppedForSafety).Select(x => x.i);
                stopAt.ShouldAllBe(i => i == 0, "the stop event is the first event of its command");
            }
        }, iter: 300);
    }

    [Fact]
    public void S1_no_exercise_before_the_warm_up_is_done_unless_a_trainer_waived_it()
    {
        SequenceGen.Sample((evening, steps) =>
        {
            var log = Play(evening, steps).LastOrDefault()?.Log ?? [];
            var warmUpDoneAt = log.Select((e, i) => (e, i)).FirstOrDefault(x => x.e is WarmUpCompleted or WarmUpWaived).i;
            var hasWarmUpEnd = log.Any(e => e is WarmUpCompleted or WarmUpWaived);
            for (var i = 0; i < log.Count; i++)
            {
                if (log[i] is BriefingStarted or BriefingConfirmed or SetStarted or SetCompleted)
                {
                    hasWarmUpEnd.ShouldBeTrue();
                    i.ShouldBeGreaterThan(warmUpDoneAt);
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void Replaying_the_log_gives_the_live_state()
    {
        SequenceGen.Sample((evening, steps) =>
        {
            foreach (var trace in Play(evening, steps))
            {
                SessionEngine.Replay(trace.Log).ShouldBe(trace.Result.State);
            }
        }, iter: 100);
    }

    [Fact]
    public void Random_sequences_reach_every_phase()
    {
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<SessionPhase, bool>();
        SequenceGen.Sample((evening, steps) =>
        {
            foreach (var trace in Play(evening, steps))
            {
                seen[trace.Result.State.Phase] = true;
            }
        }, iter: 300);
        seen.Keys.Order().ShouldBe(Enum.GetValues<SessionPhase>().Where(p => p != SessionPhase.NotStarted).Order());
    }

    [Fact]
    public void A_rejected_command_changes_nothing_and_an_accepted_one_always_has_events()
    {
        SequenceGen.Sample((evening, steps) =>
        {
            foreach (var trace in Play(evening, steps))
            {
                if (trace.Result.IsAccepted)
                {
                    trace.Result.Events.ShouldNotBeEmpty();
                }
                else
                {
                    trace.Result.State.ShouldBe(trace.Before);
                    trace.Result.Rejection!.Message.ShouldNotBeNullOrWhiteSpace();
                }
            }
        }, iter: 200);
    }
}
