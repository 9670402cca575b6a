using BackOnTrack.Domain.Safety;

namespace BackOnTrack.Domain.Sessions;

public static partial class SessionEngine
{
    /// <summary>
    /// Folds one event into the state. Pure and total for valid logs: it never rejects.
    /// An event type it does not know is a programmer error.
    /// </summary>
    public static SessionState Evolve(SessionState state, SessionEvent sessionEvent)
    {
        var next = sessionEvent switch
        {
            SessionStarted e => SessionState.Initial with
            {
                SessionId = e.SessionId,
                MemberId = e.MemberId,
                StartedAt = e.At,
                Plan = e.Plan,
                Phase = SessionPhase.ReadinessCheck,
                StretchingOnly = e.Plan.Kind == SessionKind.StretchingOnly,
            },
            ReadinessAnswered e => state with
            {
                Readiness = new ReadinessAnswer(e.Feeling, e.AnythingNew, e.PainRating),
                ReadinessDecision = e.Decision,
                RescreenPending = e.Decision == Safety.ReadinessDecision.RescreenRequired,
            },
            RedFlagScreenAnswered e => state with { RescreenPending = false, RescreenStatus = e.Status },
            ChangedToStretchingOnly e => state with
            {
                StretchingOnly = true,
                StretchingOnlyReason = e.Reason,
                Skipped = state.Skipped.AddRange(state.Plan.Exercises.Select((x, i) =>
                    new SkippedItem(SkippedItemKind.Exercise, x.ExerciseId, i, e.Reason, e.At))),
            },
            WarmUpStarted => EnterStretchList(state, SessionPhase.WarmUp, StretchPart.WarmUp),
            StretchStarted e => state with
            {
                StretchPart = e.Part,
                StretchIndex = e.StretchIndex,
                Side = e.Side,
                StretchInProgress = true,
                GetReadyUntil = e.GetReadyUntil,
                Deadline = e.Deadline,
            },
            StretchHoldFinished e => AfterStretch(state with
            {
                StretchHolds = state.StretchHolds.Add(new StretchHold(e.Part, e.StretchId, e.Side, e.SecondsHeld, e.At)),
                TightnessOffer = e.Part == StretchPart.Tightness && e.Side != StretchSide.Left
                    ? state.TightnessOffer! with { StretchDone = true }
                    : state.TightnessOffer,
            }, sideDone: e.Side),
            StretchSkipped e => AfterStretch(state with
            {
                Skipped = state.Skipped.Add(new SkippedItem(SkippedItemKind.Stretch, e.StretchId, e.StretchIndex, e.Reason, e.At)),
            }, sideDone: StretchSide.Both),
            WarmUpCompleted => ClearTimers(state) with { WarmUpDone = true },
            WarmUpWaived e => ClearTimers(state) with { WarmUpDone = true, WarmUpWaiver = new WarmUpWaiver(e.TrainerId, e.Note, e.At) },
            BriefingStarted e => ClearTimers(state) with
            {
                Phase = SessionPhase.Briefing,
                ExerciseIndex = e.ExerciseIndex,
                ActiveVariation = state.ExerciseIndex == e.ExerciseIndex && state.ActiveVariation?.VariationId == e.VariationId
                    ? state.ActiveVariation
                    : state.Plan.Exercises[e.ExerciseIndex].Variation,
                BriefingConfirmed = false,
                SetNumber = 1,
                StretchPart = null,
                StretchIndex = 0,
                Side = StretchSide.Both,
                TightnessOffer = null,
            },
            BriefingConfirmed e => state with
            {
                BriefingConfirmed = true,
                ConfirmedCues = e.CuesRead && !state.ConfirmedCues.Contains(e.VariationId)
                    ? state.ConfirmedCues.Add(e.VariationId)
                    : state.ConfirmedCues,
            },
            SetStarted e => state with
            {
                Phase = SessionPhase.SetInProgress,
                SetNumber = e.SetNumber,
                GetReadyUntil = e.GetReadyUntil,
                Deadline = e.Deadline,
            },
            SetCompleted e => ClearTimers(state) with
            {
                Phase = SessionPhase.CheckIn,
                CompletedSets = state.CompletedSets.Add(new CompletedSet(
                    e.ExerciseIndex,
                    state.Plan.Exercises[e.ExerciseIndex].ExerciseId,
                    e.VariationId,
                    e.SetNumber,
                    state.ActiveVariation!.Kind,
                    state.ActiveVariation.Amount,
                    e.RepsDone,
                    e.HoldSecondsDone,
                    state.ActiveVariation.LoadKg,
                    e.At)),
            },
            CheckInRecorded e => state with
            {
                CheckIns = state.CheckIns.Add(new SetCheckIn(e.ExerciseIndex, e.VariationId, e.SetNumber, e.Sensation, e.PainRating, e.Form, e.At)),
            },
            RestStarted e => state with { Phase = SessionPhase.Rest, Deadline = e.Deadline, GetReadyUntil = null },
            RestEnded => ClearTimers(state),
            ExerciseFinished e => state with { FinishedExercises = state.FinishedExercises.Add(e.ExerciseIndex) },
            TightnessPauseStarted e => state with
            {
                Phase = SessionPhase.TightnessPause,
                TightnessOffer = new TightnessOffer(e.ExerciseIndex, e.ExerciseId, state.Plan.TightnessStretch, e.EasierAvailable, false),
                StretchPart = StretchPart.Tightness,
                StretchIndex = 0,
                Side = SideFor(state.Plan.TightnessStretch),
                StretchInProgress = false,
            },
            SwitchedToEasierVariation e => state with
            {
                ActiveVariation = state.Plan.Exercises[e.ExerciseIndex].Easier! with { Sets = e.Sets },
                VariationSwitches = state.VariationSwitches.Add(new VariationSwitch(e.ExerciseIndex, e.FromVariationId, e.ToVariationId, e.At)),
            },
            ExerciseSkipped e => state with
            {
                Skipped = state.Skipped.Add(new SkippedItem(SkippedItemKind.Exercise, e.ExerciseId, e.ExerciseIndex, e.Reason, e.At)),
            },
            CoolDownStarted => EnterStretchList(state, SessionPhase.CoolDown, StretchPart.CoolDown) with
            {
                ActiveVariation = null,
                TightnessOffer = null,
            },
            CoolDownCompleted => ClearTimers(state) with { Phase = SessionPhase.Summary, StretchPart = null, StretchIndex = 0 },
            SessionPaused e => state with { Paused = true, PausedAt = e.At },
            SessionResumed e => ShiftDeadlines(state, e.At),
            SessionStoppedForSafety e => ClearTimers(state) with
            {
                Phase = SessionPhase.StoppedForSafety,
                Stopped = new SafetyStop(e.Reason, e.Sensation, e.PainRating, e.ExerciseIndex, e.ExerciseId, e.VariationId, e.Note, e.Advice, e.At),
                Paused = false,
                PausedAt = null,
                EndedAt = e.At,
            },
            SessionRated e => state with { Rating = new SessionRating(e.Form, e.Effort) },
            SessionCompleted e => ClearTimers(state) with { Phase = SessionPhase.Completed, EndedAt = e.At },
            SessionAbandoned e => ClearTimers(state) with
            {
                Phase = SessionPhase.Abandoned,
                AbandonReason = e.Reason,
                Paused = false,
                PausedAt = null,
                EndedAt = e.At,
            },
            _ => throw new InvalidOperationException($"The session engine does not know the event {sessionEvent.GetType().Name}."),
        };
        return next with { Version = state.Version + 1 };
    }

    private static SessionState ClearTimers(SessionState state) =>
        state with { StretchInProgress = false, GetReadyUntil = null, Deadline = null };

    private static StretchSide SideFor(PlannedStretch? stretch) => stretch is { PerSide: true } ? StretchSide.Left : StretchSide.Both;

    private static SessionState EnterStretchList(SessionState state, SessionPhase phase, StretchPart part)
    {
        var list = part == StretchPart.WarmUp ? state.Plan.WarmUp : state.Plan.CoolDown;
        return ClearTimers(state) with
        {
            Phase = phase,
            StretchPart = part,
            StretchIndex = 0,
            Side = SideFor(list.Count > 0 ? list[0] : null),
        };
    }

    private static SessionState AfterStretch(SessionState state, StretchSide sideDone)
    {
        var cleared = ClearTimers(state);
        if (sideDone == StretchSide.Left)
        {
            return cleared with { Side = StretchSide.Right };
        }

        var nextIndex = state.StretchIndex + 1;
        var list = state.StretchPart is { } part ? state.StretchList(part) : [];
        return cleared with
        {
            StretchIndex = nextIndex,
            Side = SideFor(nextIndex < list.Count ? list[nextIndex] : null),
        };
    }

    private static SessionState ShiftDeadlines(SessionState state, DateTimeOffset at)
    {
        var pausedFor = state.PausedAt is { } pausedAt && at > pausedAt ? at - pausedAt : TimeSpan.Zero;
        return state with
        {
            Paused = false,
            PausedAt = null,
            GetReadyUntil = state.GetReadyUntil + pausedFor,
            Deadline = state.Deadline + pausedFor,
        };
    }
}
