using System.Globalization;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Safety;

namespace BackOnTrack.Domain.Sessions;

/// <summary>
/// The session decider: <see cref="Decide"/> turns a command into events or a rejection,
/// <see cref="Evolve"/> folds one event into the state. Pure: time comes in as <c>now</c>,
/// there is no clock, randomness or I/O here.
/// </summary>
public static partial class SessionEngine
{
    /// <summary>The most reps a single set may report.</summary>
    public const int MaxRepsPerSet = 100;

    public const int MinFormRating = 1;
    public const int MaxFormRating = 5;
    public const int MinEffortRating = 1;
    public const int MaxEffortRating = 10;

    /// <summary>The first event of every session. The caller checks <see cref="SessionStartGuard"/> first (S8).</summary>
    public static SessionStarted Start(Guid sessionId, string memberId, SessionPlan plan, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        if (sessionId == Guid.Empty)
        {
            throw new ArgumentException("A session needs an id.", nameof(sessionId));
        }

        if (plan.WarmUp.Count == 0 && plan.Exercises.Count == 0 && plan.CoolDown.Count == 0)
        {
            throw new ArgumentException("A session plan needs at least one stretch or exercise.", nameof(plan));
        }

        if (plan.Kind == SessionKind.StretchingOnly && plan.Exercises.Count > 0)
        {
            throw new ArgumentException("A stretching-only plan cannot hold exercises.", nameof(plan));
        }

        return new SessionStarted(now, sessionId, memberId, plan);
    }

    /// <summary>Decide, then fold the events into the state.</summary>
    public static ApplyResult Apply(SessionState state, SessionCommand command, DateTimeOffset now)
    {
        var decision = Decide(state, command, now);
        if (!decision.IsAccepted)
        {
            return new ApplyResult(state, [], decision.Rejection);
        }

        var next = decision.Events.Aggregate(state, Evolve);
        return new ApplyResult(next, decision.Events, null);
    }

    /// <summary>Rebuilds a state from its event log (the first event is <see cref="SessionStarted"/>).</summary>
    public static SessionState Replay(IEnumerable<SessionEvent> events) => events.Aggregate(SessionState.Initial, Evolve);

    /// <summary>Decides what a command means in this state. Never throws for a user action.</summary>
    public static Decision Decide(SessionState state, SessionCommand command, DateTimeOffset now)
    {
        if (state.Phase == SessionPhase.NotStarted)
        {
            return Decision.Reject(RejectionCode.NotStarted, "This session has not started yet.");
        }

        if (state.IsFinal)
        {
            return DecideWhenFinal(state, command, now);
        }

        var draft = new Draft(state);
        switch (command)
        {
            case Stop stop:
                return draft.Emit(StopEvent(state, now, stop)).Accept();
            case Abandon abandon:
                return draft.Emit(new SessionAbandoned(now, Clean(abandon.Reason))).Accept();
            case Pause:
                return state.Paused
                    ? Decision.Reject(RejectionCode.AlreadyPaused, "The session is already paused.")
                    : draft.Emit(new SessionPaused(now)).Accept();
            case Resume:
                return state.Paused
                    ? draft.Emit(new SessionResumed(now)).Accept()
                    : Decision.Reject(RejectionCode.NotPaused, "The session is not paused.");
            case RateSession rate when state.Phase == SessionPhase.Summary:
                return DecideRating(draft, rate, now);
        }

        if (state.Paused)
        {
            return Decision.Reject(RejectionCode.SessionPaused, "The session is paused. Resume it to carry on.");
        }

        return state.Phase switch
        {
            SessionPhase.ReadinessCheck => DecideReadiness(draft, command, now),
            SessionPhase.WarmUp => DecideStretching(draft, command, now),
            SessionPhase.Briefing => DecideBriefing(draft, command, now),
            SessionPhase.SetInProgress => DecideSetInProgress(draft, command, now),
            SessionPhase.CheckIn => DecideCheckIn(draft, command, now),
            SessionPhase.Rest => DecideRest(draft, command, now),
            SessionPhase.TightnessPause => DecideTightness(draft, command, now),
            SessionPhase.CoolDown => DecideStretching(draft, command, now),
            SessionPhase.Summary => DecideSummary(draft, command, now),
            _ => throw new InvalidOperationException($"Phase {state.Phase} has no decision rules."),
        };
    }

    private static Decision DecideWhenFinal(SessionState state, SessionCommand command, DateTimeOffset now)
    {
        if (command is RateSession rate && state.Phase == SessionPhase.StoppedForSafety)
        {
            return DecideRating(new Draft(state), rate, now);
        }

        return state.Phase switch
        {
            SessionPhase.StoppedForSafety => Decision.Reject(RejectionCode.SessionEnded,
                "This session was stopped for your safety and cannot carry on. Rest your back, and talk to your trainer if anything still hurts."),
            SessionPhase.Completed => Decision.Reject(RejectionCode.SessionEnded, "This session is finished."),
            _ => Decision.Reject(RejectionCode.SessionEnded, "This session was ended."),
        };
    }

    private static Decision DecideRating(Draft draft, RateSession rate, DateTimeOffset now)
    {
        if (rate.Form is < MinFormRating or > MaxFormRating || rate.Effort is < MinEffortRating or > MaxEffortRating)
        {
            return Decision.Reject(RejectionCode.InvalidRating,
                $"Rate your form from {MinFormRating} to {MaxFormRating} and your effort from {MinEffortRating} to {MaxEffortRating}.");
        }

        return draft.Emit(new SessionRated(now, rate.Form, rate.Effort)).Accept();
    }

    // ---- Readiness (and the in-session red-flag rescreen, S8) ----

    private static Decision DecideReadiness(Draft draft, SessionCommand command, DateTimeOffset now)
    {
        var state = draft.State;
        switch (command)
        {
            case AnswerReadiness answer:
            {
                if (state.RescreenPending)
                {
                    return Decision.Reject(RejectionCode.RescreenPending, "Please answer the safety questions first.");
                }

                var readiness = new ReadinessAnswer(answer.Feeling, answer.AnythingNew, answer.PainRating);
                var outcome = Readiness.Assess(readiness, state.StretchingOnly, state.Plan.Pain);
                if (outcome is null)
                {
                    return Decision.Reject(RejectionCode.InvalidPainRating, PainRatingMessage);
                }

                var answered = new ReadinessAnswered(now, answer.Feeling, answer.AnythingNew, answer.PainRating, outcome.Decision, outcome.Message);
                return ActOnReadiness(draft, answered, outcome, now);
            }

            case AnswerRedFlagScreen screen:
            {
                if (!state.RescreenPending || state.Readiness is null)
                {
                    return Decision.Reject(RejectionCode.WrongPhase, "No safety questions are waiting to be answered.");
                }

                var result = RedFlagScreen.Evaluate(screen.Answers);
                var answered = new RedFlagScreenAnswered(now, screen.Answers, result.Status, result.PositiveQuestionIds);
                switch (result.Status)
                {
                    case RedFlagStatus.Incomplete:
                        return Decision.Reject(RejectionCode.ScreenIncomplete, string.Join(" ", result.Problems));
                    case RedFlagStatus.Positive:
                        return draft
                            .Emit(new SessionStoppedForSafety(now, StopReason.RedFlag, null, null, null, null, null,
                                string.Join(", ", result.PositiveQuestionIds), RedFlagScreen.UrgentAdvice))
                            .Emit(answered)
                            .Accept();
                    default:
                        // The screen is clear: now act on how the back feels. A block still puts its stop event first.
                        var outcome = Readiness.AssessIgnoringNewSymptoms(state.Readiness, state.StretchingOnly, state.Plan.Pain);
                        if (outcome.Decision != ReadinessDecision.Blocked)
                        {
                            draft.Emit(answered);
                        }

                        ActOnReadiness(draft, null, outcome, now);
                        return outcome.Decision == ReadinessDecision.Blocked ? draft.Emit(answered).Accept() : draft.Accept();
                }
            }

            default:
                return Decision.Reject(RejectionCode.ReadinessFirst, "First tell us how your back feels today.");
        }
    }

    private static Decision ActOnReadiness(Draft draft, ReadinessAnswered? answered, ReadinessOutcome outcome, DateTimeOffset now)
    {
        switch (outcome.Decision)
        {
            case ReadinessDecision.Blocked:
                draft.Emit(new SessionStoppedForSafety(now, StopReason.ReadinessBlocked, null, draft.State.Readiness?.PainRating ?? answered?.PainRating,
                    null, null, null, null, outcome.Message));
                if (answered is not null)
                {
                    draft.Emit(answered);
                }

                return draft.Accept();
            case ReadinessDecision.RescreenRequired:
                return draft.Emit(answered!).Accept();
            case ReadinessDecision.StretchingOnly:
                if (answered is not null)
                {
                    draft.Emit(answered);
                }

                draft.Emit(new ChangedToStretchingOnly(now, outcome.Message));
                return EnterWarmUp(draft, now).Accept();
            default:
                if (answered is not null)
                {
                    draft.Emit(answered);
                }

                return EnterWarmUp(draft, now).Accept();
        }
    }

    private static Draft EnterWarmUp(Draft draft, DateTimeOffset now)
    {
        draft.Emit(new WarmUpStarted(now));
        return draft.State.Plan.WarmUp.Count == 0 ? AfterWarmUp(draft.Emit(new WarmUpCompleted(now)), now) : draft;
    }

    private static Draft AfterWarmUp(Draft draft, DateTimeOffset now) => NextExercise(draft, 0, now);

    /// <summary>Goes to the briefing of the next exercise that is not skipped, or to the cool-down.</summary>
    private static Draft NextExercise(Draft draft, int fromIndex, DateTimeOffset now)
    {
        var state = draft.State;
        if (state.NextExerciseIndex(fromIndex) is { } index)
        {
            var exercise = state.Plan.Exercises[index];
            return draft.Emit(new BriefingStarted(now, index, exercise.ExerciseId, exercise.Variation.VariationId));
        }

        draft.Emit(new CoolDownStarted(now));
        return state.Plan.CoolDown.Count == 0 ? draft.Emit(new CoolDownCompleted(now)) : draft;
    }

    // ---- Stretches: warm-up, cool-down (and the tightness stretch, via DecideTightness) ----

    private static Decision DecideStretching(Draft draft, SessionCommand command, DateTimeOffset now)
    {
        var state = draft.State;
        var inWarmUp = state.Phase == SessionPhase.WarmUp;
        switch (command)
        {
            case StartStretch:
                return StartCurrentStretch(draft, now);
            case FinishStretchHold:
                return FinishCurrentStretch(draft, now);
            case Skip skip:
            {
                if (string.IsNullOrWhiteSpace(skip.Reason))
                {
                    return Decision.Reject(RejectionCode.ReasonRequired, "Please say why you are skipping this.");
                }

                if (inWarmUp && !state.StretchingOnly)
                {
                    return Decision.Reject(RejectionCode.WarmUpCannotBeSkipped,
                        "Warm-up stretches can't be skipped: they get your back ready for the exercises. A trainer can waive the warm-up if there is a good reason.");
                }

                var stretch = state.CurrentStretch!;
                draft.Emit(new StretchSkipped(now, state.StretchPart!.Value, state.StretchIndex, stretch.StretchId, skip.Reason.Trim()));
                return CompletePartIfDone(draft, now).Accept();
            }

            case WaiveWarmUp waive when inWarmUp:
            {
                if (state.StretchingOnly)
                {
                    return Decision.Reject(RejectionCode.WrongPhase, "This session is stretches only, so there is no warm-up to waive.");
                }

                if (string.IsNullOrWhiteSpace(waive.TrainerId))
                {
                    return Decision.Reject(RejectionCode.TrainerRequired, "Only a trainer can waive the warm-up.");
                }

                if (string.IsNullOrWhiteSpace(waive.Note))
                {
                    return Decision.Reject(RejectionCode.ReasonRequired, "Please note why the warm-up is waived.");
                }

                draft.Emit(new WarmUpWaived(now, waive.TrainerId.Trim(), waive.Note.Trim()));
                return AfterWarmUp(draft, now).Accept();
            }

            case ConfirmBriefing or StartSet or CompleteSet or FinishHold when inWarmUp:
                return Decision.Reject(RejectionCode.WarmUpNotDone,
                    "Warm-up first: finish the stretches before starting the exercises.");
            case FinishSession when !inWarmUp:
                return Decision.Reject(RejectionCode.WrongPhase, "Finish or skip the cool-down stretches first.");
            default:
                return Decision.Reject(RejectionCode.WrongPhase,
                    state.StretchInProgress ? "A stretch is under way: hold it until the timer ends." : "Start the next stretch when you are ready.");
        }
    }

    private static Decision StartCurrentStretch(Draft draft, DateTimeOffset now)
    {
        var state = draft.State;
        if (state.StretchInProgress)
        {
            return Decision.Reject(RejectionCode.AlreadyDone, "This stretch is already under way.");
        }

        if (state.CurrentStretch is not { } stretch || state.StretchPart is not { } part)
        {
            return Decision.Reject(RejectionCode.NothingToStretch, "There is no stretch to start here.");
        }

        var getReadyUntil = now.AddSeconds(state.Plan.GetReadySeconds);
        return draft
            .Emit(new StretchStarted(now, part, state.StretchIndex, stretch.StretchId, state.Side, getReadyUntil, getReadyUntil.AddSeconds(stretch.HoldSeconds)))
            .Accept();
    }

    private static Decision FinishCurrentStretch(Draft draft, DateTimeOffset now)
    {
        var state = draft.State;
        if (!state.StretchInProgress || state.CurrentStretch is not { } stretch || state.StretchPart is not { } part)
        {
            return Decision.Reject(RejectionCode.WrongPhase, "Start the stretch first.");
        }

        if (TooEarly(state, now) is { } early)
        {
            return Decision.Reject(RejectionCode.TooEarly, $"Keep holding: {early} more seconds.");
        }

        draft.Emit(new StretchHoldFinished(now, part, state.StretchIndex, stretch.StretchId, state.Side, stretch.HoldSeconds));
        if (state.Side == StretchSide.Left)
        {
            var getReadyUntil = now.AddSeconds(state.Plan.SwitchSidesSeconds);
            return draft
                .Emit(new StretchStarted(now, part, state.StretchIndex, stretch.StretchId, StretchSide.Right, getReadyUntil, getReadyUntil.AddSeconds(stretch.HoldSeconds)))
                .Accept();
        }

        return CompletePartIfDone(draft, now).Accept();
    }

    private static Draft CompletePartIfDone(Draft draft, DateTimeOffset now)
    {
        var state = draft.State;
        if (state.StretchPart is not { } part || state.StretchIndex < state.StretchList(part).Count)
        {
            return draft;
        }

        return part switch
        {
            Sessions.StretchPart.WarmUp => AfterWarmUp(draft.Emit(new WarmUpCompleted(now)), now),
            Sessions.StretchPart.CoolDown => draft.Emit(new CoolDownCompleted(now)),
            _ => draft,
        };
    }

    /// <summary>Seconds left before the deadline (beyond the tolerance), or null when it is time.</summary>
    private static int? TooEarly(SessionState state, DateTimeOffset now)
    {
        if (state.Deadline is not { } deadline)
        {
            return null;
        }

        var left = (deadline - now).TotalSeconds;
        return left > state.Plan.DeadlineToleranceSeconds ? (int)Math.Ceiling(left) : null;
    }

    // ---- Briefing (S5) ----

    private static Decision DecideBriefing(Draft draft, SessionCommand command, DateTimeOffset now)
    {
        var state = draft.State;
        var variation = state.ActiveVariation!;
        switch (command)
        {
            case ConfirmBriefing confirm:
                if (state.BriefingConfirmed)
                {
                    return Decision.Reject(RejectionCode.AlreadyDone, "You have already confirmed the cues. Start the set when you are ready.");
                }

                if (variation.IsNewVariation && !confirm.CuesRead && !state.ConfirmedCues.Contains(variation.VariationId))
                {
                    return Decision.Reject(RejectionCode.CuesNotRead,
                        $"{variation.Name} is new to you. Please read the setup, movement and breathing cues and tick that you have read them. Not sure of the form? Ask a trainer or watch the demonstration first.");
                }

                return draft.Emit(new BriefingConfirmed(now, state.ExerciseIndex, variation.VariationId, confirm.CuesRead)).Accept();
            case StartSet:
                if (!state.BriefingConfirmed)
                {
                    return Decision.Reject(RejectionCode.BriefingNotConfirmed, "Read the form cues and confirm them before the first set.");
                }

                return draft.Emit(NewSet(state, 1, now)).Accept();
            case Skip skip:
                return SkipExercise(draft, skip.Reason, now);
            default:
                return Decision.Reject(RejectionCode.WrongPhase, "Read the form cues, confirm them, then start the first set.");
        }
    }

    private static SetStarted NewSet(SessionState state, int setNumber, DateTimeOffset now)
    {
        var variation = state.ActiveVariation!;
        var getReadyUntil = now.AddSeconds(state.Plan.GetReadySeconds);
        DateTimeOffset? deadline = variation.Kind == VariationKind.Hold ? getReadyUntil.AddSeconds(variation.Amount) : null;
        return new SetStarted(now, state.ExerciseIndex, variation.VariationId, setNumber, getReadyUntil, deadline);
    }

    private static Decision SkipExercise(Draft draft, string? reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Decision.Reject(RejectionCode.ReasonRequired, "Please say why you are skipping this exercise.");
        }

        var state = draft.State;
        var exercise = state.Plan.Exercises[state.ExerciseIndex];
        draft.Emit(new ExerciseSkipped(now, state.ExerciseIndex, exercise.ExerciseId, reason.Trim()));
        return NextExercise(draft, state.ExerciseIndex + 1, now).Accept();
    }

    // ---- A set under way ----

    private static Decision DecideSetInProgress(Draft draft, SessionCommand command, DateTimeOffset now)
    {
        var state = draft.State;
        var variation = state.ActiveVariation!;
        switch (command)
        {
            case CompleteSet complete:
                if (variation.Kind != VariationKind.Reps)
                {
                    return Decision.Reject(RejectionCode.WrongSetKind, "This set is a timed hold: finish the hold instead of counting reps.");
                }

                if (complete.RepsDone is < 0 or > MaxRepsPerSet)
                {
                    return Decision.Reject(RejectionCode.InvalidReps, $"Reps must be a whole number from 0 to {MaxRepsPerSet}.");
                }

                return draft.Emit(new SetCompleted(now, state.ExerciseIndex, variation.VariationId, state.SetNumber, complete.RepsDone, null)).Accept();
            case FinishHold:
            {
                if (variation.Kind != VariationKind.Hold)
                {
                    return Decision.Reject(RejectionCode.WrongSetKind, "This set counts reps: tell us how many you did.");
                }

                var held = TooEarly(state, now) is null
                    ? variation.Amount
                    : (int)Math.Clamp(Math.Floor((now - state.GetReadyUntil!.Value).TotalSeconds), 0, variation.Amount);
                return draft.Emit(new SetCompleted(now, state.ExerciseIndex, variation.VariationId, state.SetNumber, null, held)).Accept();
            }

            default:
                return Decision.Reject(RejectionCode.SetInProgress, "A set is under way: finish it first, or press STOP if something hurts.");
        }
    }

    // ---- Check-in after every set (S6) ----

    private static Decision DecideCheckIn(Draft draft, SessionCommand command, DateTimeOffset now)
    {
        if (command is not ReportSensation report)
        {
            return Decision.Reject(RejectionCode.CheckInPending, "A check-in is waiting: tell us how that set felt first.");
        }

        if (report.PainRating is { } rating && !PainThresholds.IsValidRating(rating))
        {
            return Decision.Reject(RejectionCode.InvalidPainRating, PainRatingMessage);
        }

        var state = draft.State;
        var variation = state.ActiveVariation!;
        var checkIn = new CheckInRecorded(now, state.ExerciseIndex, variation.VariationId, state.SetNumber, report.Sensation, report.PainRating, report.Form);
        var painLevel = state.Plan.Pain.Classify(report.PainRating);

        var stopReason = report.Sensation switch
        {
            Sensation.SpineFelt => StopReason.SpineFelt,
            Sensation.SharpPain => StopReason.SharpPain,
            _ when painLevel == PainLevel.Stop => StopReason.PainRating,
            _ => (StopReason?)null,
        };
        if (stopReason is { } reason)
        {
            return draft.Emit(SafetyStopEvent(state, now, reason, report.Sensation, report.PainRating, null)).Emit(checkIn).Accept();
        }

        draft.Emit(checkIn);
        if (report.Sensation == Sensation.Tightness)
        {
            var easierAvailable = EasierAvailable(state);
            var exercise = state.Plan.Exercises[state.ExerciseIndex];
            return draft.Emit(new TightnessPauseStarted(now, state.ExerciseIndex, exercise.ExerciseId, easierAvailable)).Accept();
        }

        if (state.SetNumber < variation.Sets)
        {
            return draft.Emit(new RestStarted(now, state.ExerciseIndex, state.SetNumber + 1, now.AddSeconds(variation.RestSeconds))).Accept();
        }

        return FinishExercise(draft, now).Accept();
    }

    private static bool EasierAvailable(SessionState state)
    {
        var exercise = state.Plan.Exercises[state.ExerciseIndex];
        return exercise.Easier is { } easier && state.ActiveVariation?.VariationId != easier.VariationId;
    }

    private static Draft FinishExercise(Draft draft, DateTimeOffset now)
    {
        var state = draft.State;
        var exercise = state.Plan.Exercises[state.ExerciseIndex];
        draft.Emit(new ExerciseFinished(now, state.ExerciseIndex, exercise.ExerciseId));
        return NextExercise(draft, state.ExerciseIndex + 1, now);
    }

    // ---- Rest between sets ----

    private static Decision DecideRest(Draft draft, SessionCommand command, DateTimeOffset now)
    {
        var state = draft.State;
        switch (command)
        {
            case FinishRest:
                if (TooEarly(state, now) is { } left)
                {
                    return Decision.Reject(RejectionCode.TooEarly, $"Rest has {left} seconds left. Choose 'skip rest' to go on now.");
                }

                return draft.Emit(new RestEnded(now, false)).Emit(NewSet(state, state.SetNumber + 1, now)).Accept();
            case SkipRest:
                return draft.Emit(new RestEnded(now, true)).Emit(NewSet(state, state.SetNumber + 1, now)).Accept();
            case Skip skip:
                return SkipExercise(draft, skip.Reason, now);
            default:
                return Decision.Reject(RejectionCode.WrongPhase, "You are resting. The next set starts when the rest ends, or skip the rest.");
        }
    }

    // ---- Tightness: offer a stretch, then easier variation or skip (S6) ----

    private static Decision DecideTightness(Draft draft, SessionCommand command, DateTimeOffset now)
    {
        var state = draft.State;
        switch (command)
        {
            case StartStretch:
                if (state.TightnessOffer is { StretchDone: true })
                {
                    return Decision.Reject(RejectionCode.AlreadyDone, "You have done the stretch. Now choose the easier variation or skip this exercise.");
                }

                return StartCurrentStretch(draft, now);
            case FinishStretchHold:
                return FinishCurrentStretch(draft, now);
            case ChooseAfterTightness { Choice: TightnessChoice.EasierVariation }:
            {
                var exercise = state.Plan.Exercises[state.ExerciseIndex];
                if (!EasierAvailable(state) || exercise.Easier is not { } easier)
                {
                    return Decision.Reject(RejectionCode.NoEasierVariation, "There is no easier variation of this exercise. You can skip it instead.");
                }

                var sets = Math.Max(1, state.ActiveVariation!.Sets - state.SetNumber);
                return draft
                    .Emit(new SwitchedToEasierVariation(now, state.ExerciseIndex, state.ActiveVariation.VariationId, easier.VariationId, sets))
                    .Emit(new BriefingStarted(now, state.ExerciseIndex, exercise.ExerciseId, easier.VariationId))
                    .Accept();
            }

            case ChooseAfterTightness:
                return SkipExercise(draft, "Tightness", now);
            case Skip skip:
                return SkipExercise(draft, skip.Reason, now);
            default:
                return Decision.Reject(RejectionCode.WrongPhase,
                    "You felt tightness. Take the offered stretch if you like, then choose the easier variation or skip this exercise.");
        }
    }

    // ---- Summary ----

    private static Decision DecideSummary(Draft draft, SessionCommand command, DateTimeOffset now) => command switch
    {
        FinishSession => draft.Emit(new SessionCompleted(now)).Accept(),
        _ => Decision.Reject(RejectionCode.WrongPhase, "The session is done: rate it if you like, then finish."),
    };

    // ---- STOP (S6) ----

    private static SessionStoppedForSafety StopEvent(SessionState state, DateTimeOffset now, Stop stop)
    {
        int? pain = stop.PainRating is { } rating ? Math.Clamp(rating, PainThresholds.MinRating, PainThresholds.MaxRating) : null;
        var reason = stop.Sensation switch
        {
            Sensation.SpineFelt => StopReason.SpineFelt,
            Sensation.SharpPain => StopReason.SharpPain,
            _ when state.Plan.Pain.Classify(pain) == PainLevel.Stop => StopReason.PainRating,
            _ => StopReason.MemberStopped,
        };
        return SafetyStopEvent(state, now, reason, stop.Sensation, pain, Clean(stop.Reason));
    }

    private static SessionStoppedForSafety SafetyStopEvent(
        SessionState state, DateTimeOffset now, StopReason reason, Sensation? sensation, int? pain, string? note)
    {
        var exercise = state.CurrentExercise;
        return new SessionStoppedForSafety(
            now,
            reason,
            sensation,
            pain,
            exercise is null ? null : state.ExerciseIndex,
            exercise?.ExerciseId,
            exercise is null ? null : state.ActiveVariation?.VariationId,
            note,
            StopAdvice(reason));
    }

    public static string StopAdvice(StopReason reason) => reason switch
    {
        StopReason.SpineFelt =>
            "You felt it in your spine, so we have stopped straight away. Rest your back today. If the feeling stays, or you notice numbness, weakness or anything else new, contact a health professional.",
        StopReason.SharpPain or StopReason.PainRating =>
            "Pain is a signal to stop, so the session has ended. Rest, and next time this exercise will go back a step. Your trainer will be told so they can check your form with you.",
        StopReason.RedFlag => RedFlagScreen.UrgentAdvice,
        StopReason.ReadinessBlocked => "Your back is hurting today, so there is no session. Rest and move gently.",
        _ => "You stopped the session. Stopping when something doesn't feel right is always the right call.",
    };

    private const string PainRatingMessage = "Pain must be a whole number from 0 (none) to 10 (worst).";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture) + " s";

    /// <summary>Collects events while folding them, so later decisions see the updated state.</summary>
    private sealed class Draft(SessionState state)
    {
        private readonly List<SessionEvent> _events = [];

        public SessionState State { get; private set; } = state;

        public Draft Emit(SessionEvent sessionEvent)
        {
            _events.Add(sessionEvent);
            State = Evolve(State, sessionEvent);
            return this;
        }

        public Decision Accept() => Decision.Accept(_events);
    }
}
