using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Domain.Tests.Support;

namespace BackOnTrack.Domain.Tests.Sessions;

public class SessionRulesTests
{
    // ---- S1: stretch first ----

    [Theory]
    [MemberData(nameof(ExerciseCommands))]
    public void S1_exercise_cannot_start_before_warm_up_is_done(SessionCommand command)
    {
        var run = Walk.ToWarmUp();
        var result = run.Try(command);
        result.Rejection.ShouldNotBeNull().Code.ShouldBe(RejectionCode.WarmUpNotDone);
        result.State.ShouldBe(run.State);
    }

    public static TheoryData<SessionCommand> ExerciseCommands => [new ConfirmBriefing(true), new StartSet(), new CompleteSet(8), new FinishHold()];

    [Fact]
    public void S1_warm_up_stretches_cannot_be_skipped_in_a_training_session()
    {
        Walk.ToWarmUp().Try(new Skip("In a hurry")).Rejection!.Code.ShouldBe(RejectionCode.WarmUpCannotBeSkipped);
    }

    [Fact]
    public void S1_a_stretch_hold_cannot_be_finished_before_its_time()
    {
        var run = Walk.ToWarmUp().Then(new StartStretch(), 0);
        run.Try(new FinishStretchHold(), 4).Rejection!.Code.ShouldBe(RejectionCode.TooEarly);
        run.Try(new FinishStretchHold(), 7).IsAccepted.ShouldBeTrue("3 s get-ready + 5 s hold, 1 s tolerance");
    }

    [Fact]
    public void S1_only_a_trainer_waiver_lets_exercises_start_early_and_it_is_logged()
    {
        var run = Walk.ToWarmUp();
        run.Try(new WaiveWarmUp("", "note")).Rejection!.Code.ShouldBe(RejectionCode.TrainerRequired);
        run.Try(new WaiveWarmUp("trainer-7", " ")).Rejection!.Code.ShouldBe(RejectionCode.ReasonRequired);

        var waived = run.Then(new WaiveWarmUp("trainer-7", "Warmed up in class already"));
        waived.Phase.ShouldBe(SessionPhase.Briefing);
        waived.State.WarmUpWaiver.ShouldBe(new WarmUpWaiver("trainer-7", "Warmed up in class already", waived.Now));
        waived.Log.OfType<WarmUpWaived>().ShouldHaveSingleItem().TrainerId.ShouldBe("trainer-7");
    }

    [Fact]
    public void S1_warm_up_walks_every_stretch_and_both_sides_of_per_side_stretches()
    {
        var run = Walk.ToBriefing();
        var plan = run.State.Plan;
        var expectedHolds = plan.WarmUp.Sum(s => s.PerSide ? 2 : 1);
        run.Log.OfType<StretchHoldFinished>().Count().ShouldBe(expectedHolds);
        run.Log.OfType<StretchHoldFinished>().Where(h => h.StretchId == "knee-to-chest").Select(h => h.Side)
            .ShouldBe([StretchSide.Left, StretchSide.Right]);
        run.State.WarmUpDone.ShouldBeTrue();
        run.State.StretchingSeconds.ShouldBe(expectedHolds * 5);
    }

    // ---- S5: form first ----

    [Fact]
    public void S5_briefing_comes_before_the_first_set()
    {
        var run = Walk.ToBriefing();
        run.Phase.ShouldBe(SessionPhase.Briefing);
        run.Try(new StartSet()).Rejection!.Code.ShouldBe(RejectionCode.BriefingNotConfirmed);
    }

    [Fact]
    public void S5_a_new_variation_needs_the_cues_confirmed_as_read()
    {
        var run = Walk.ToBriefing();
        run.State.ActiveVariation!.IsNewVariation.ShouldBeTrue();
        run.Try(new ConfirmBriefing(CuesRead: false)).Rejection!.Code.ShouldBe(RejectionCode.CuesNotRead);

        var confirmed = run.Then(new ConfirmBriefing(CuesRead: true));
        confirmed.State.ConfirmedCues.ShouldContain("bridge-hold");
        confirmed.Then(new StartSet()).Phase.ShouldBe(SessionPhase.SetInProgress);
    }

    [Fact]
    public void S5_a_known_variation_can_be_confirmed_without_rereading()
    {
        var plan = Build.TrainingPlan(p => p with
        {
            Exercises = p.Exercises.Select(e => e with { Variation = e.Variation with { IsNewVariation = false } }).ToList(),
        });
        Walk.ToBriefing(plan).Then(new ConfirmBriefing(CuesRead: false)).State.BriefingConfirmed.ShouldBeTrue();
    }

    // ---- S6: stop before pain ----

    [Fact]
    public void S6_a_check_in_is_required_after_every_set()
    {
        var run = Walk.ToCheckIn();
        foreach (SessionCommand command in new SessionCommand[] { new StartSet(), new FinishRest(), new SkipRest(), new Skip("x"), new CompleteSet(3) })
        {
            var rejection = run.Try(command).Rejection.ShouldNotBeNull();
            rejection.Code.ShouldBe(RejectionCode.CheckInPending);
            rejection.Message.ShouldBe("A check-in is waiting: tell us how that set felt first.");
        }
    }

    [Theory]
    [InlineData(Sensation.Nothing)]
    [InlineData(Sensation.MuscleBurn)]
    public void S6_nothing_or_muscle_burn_carries_on_to_rest(Sensation sensation)
    {
        var run = Walk.ToCheckIn().Then(new ReportSensation(sensation, 2));
        run.Phase.ShouldBe(SessionPhase.Rest);
        run.State.Deadline.ShouldBe(run.Now.AddSeconds(5));
    }

    [Fact]
    public void S6_muscle_burn_after_the_last_set_goes_to_the_next_exercise()
    {
        var run = Walk.ToRest()
            .Then(new FinishRest()).FinishSet().Then(new ReportSensation(Sensation.MuscleBurn))
            .Then(new FinishRest()).FinishSet().Then(new ReportSensation(Sensation.MuscleBurn));
        run.Phase.ShouldBe(SessionPhase.Briefing);
        run.State.ExerciseIndex.ShouldBe(1);
        run.State.FinishedExercises.ShouldBe([0]);
    }

    [Fact]
    public void S6_spine_sensation_ends_the_session()
    {
        var result = Walk.ToCheckIn().Try(new ReportSensation(Sensation.SpineFelt));
        result.State.Phase.ShouldBe(SessionPhase.StoppedForSafety);
        var stop = result.Events[0].ShouldBeOfType<SessionStoppedForSafety>();
        stop.Reason.ShouldBe(StopReason.SpineFelt);
        stop.ExerciseId.ShouldBe("bridge");
        result.State.Stopped!.Advice.ShouldContain("spine");
        result.Events.OfType<CheckInRecorded>().ShouldHaveSingleItem();
    }

    [Fact]
    public void S6_sharp_pain_ends_the_exercise_and_the_session()
    {
        var result = Walk.ToCheckIn().Try(new ReportSensation(Sensation.SharpPain, 5));
        result.Events[0].ShouldBeOfType<SessionStoppedForSafety>().Reason.ShouldBe(StopReason.SharpPain);
        result.State.Phase.ShouldBe(SessionPhase.StoppedForSafety);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(10)]
    public void S6_pain_rating_of_six_or_more_is_treated_as_a_stop(int pain)
    {
        var result = Walk.ToCheckIn().Try(new ReportSensation(Sensation.MuscleBurn, pain));
        result.Events[0].ShouldBeOfType<SessionStoppedForSafety>().Reason.ShouldBe(StopReason.PainRating);
        result.State.Phase.ShouldBe(SessionPhase.StoppedForSafety);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void S6_a_pain_rating_outside_0_to_10_is_rejected(int pain)
    {
        Walk.ToCheckIn().Try(new ReportSensation(Sensation.Nothing, pain)).Rejection!.Code.ShouldBe(RejectionCode.InvalidPainRating);
    }

    [Theory]
    [InlineData(SessionPhase.ReadinessCheck)]
    [InlineData(SessionPhase.WarmUp)]
    [InlineData(SessionPhase.Briefing)]
    [InlineData(SessionPhase.SetInProgress)]
    [InlineData(SessionPhase.CheckIn)]
    [InlineData(SessionPhase.Rest)]
    [InlineData(SessionPhase.TightnessPause)]
    [InlineData(SessionPhase.CoolDown)]
    [InlineData(SessionPhase.Summary)]
    public void S6_stop_is_accepted_in_every_non_final_phase_even_when_paused(SessionPhase phase)
    {
        var run = Walk.ToPhase(phase);
        run.Then(new Stop()).Phase.ShouldBe(SessionPhase.StoppedForSafety);
        run.Then(new Pause()).Then(new Stop(Sensation.SpineFelt)).State.Stopped!.Reason.ShouldBe(StopReason.SpineFelt);
    }

    [Fact]
    public void S6_after_a_safety_stop_nothing_but_rating_is_accepted_and_no_set_can_start()
    {
        var stopped = Walk.ToStopped();
        foreach (var command in PhaseTableTests.AllCommands.Where(c => c is not RateSession))
        {
            stopped.Try(command).Rejection.ShouldNotBeNull().Code.ShouldBe(RejectionCode.SessionEnded);
        }

        stopped.Then(new RateSession(3, 4)).State.Rating.ShouldBe(new SessionRating(3, 4));
    }

    [Fact]
    public void S6_a_stop_records_the_exercise_it_happened_in()
    {
        var run = Walk.ToRest().Then(new Stop(null, 7, "Twinge"));
        run.State.Stopped.ShouldBe(new SafetyStop(StopReason.PainRating, null, 7, 0, "bridge", "bridge-hold", "Twinge",
            SessionEngine.StopAdvice(StopReason.PainRating), run.Now));
    }

    [Fact]
    public void S6_tightness_pauses_offers_a_stretch_then_the_easier_variation_or_skip()
    {
        var plan = Build.TrainingPlan(p => p with { Exercises = [.. p.Exercises.Skip(1)] });
        var run = Walk.ToTightness(plan);
        run.Phase.ShouldBe(SessionPhase.TightnessPause);
        run.State.TightnessOffer!.Stretch!.StretchId.ShouldBe("childs-pose");
        run.State.TightnessOffer.EasierAvailable.ShouldBeFalse("floor back extension is the easiest rung");
        run.Try(new ChooseAfterTightness(TightnessChoice.EasierVariation)).Rejection!.Code.ShouldBe(RejectionCode.NoEasierVariation);

        var stretched = run.Then(new StartStretch()).Then(new FinishStretchHold());
        stretched.State.TightnessOffer!.StretchDone.ShouldBeTrue();
        var skipped = stretched.Then(new ChooseAfterTightness(TightnessChoice.SkipExercise));
        skipped.Phase.ShouldBe(SessionPhase.Briefing);
        skipped.State.ExerciseIndex.ShouldBe(1);
        skipped.State.Skipped.ShouldContain(s => s.ItemId == "back-extension" && s.Reason == "Tightness");
    }

    [Fact]
    public void S6_tightness_can_continue_with_the_easier_variation_after_a_new_briefing()
    {
        var plan = Build.TrainingPlan(p => p with
        {
            Exercises = [SessionPlanner.ForTraining(
                Build.StarterPlan(m => m.WithPrescription(m.Find("bridge")! with { VariationId = "bridge-march", Amount = 8 })),
                Build.Library, Build.ShortTimings).Exercises[0]],
        });
        var run = Walk.ToTightness(plan).Then(new ChooseAfterTightness(TightnessChoice.EasierVariation));
        run.Phase.ShouldBe(SessionPhase.Briefing);
        run.State.ActiveVariation!.VariationId.ShouldBe("bridge-hold");
        run.State.ActiveVariation.Sets.ShouldBe(2);
        run.State.VariationSwitches.ShouldHaveSingleItem().ToVariationId.ShouldBe("bridge-hold");
    }

    // ---- Readiness and rescreen (S8 in session) ----

    [Fact]
    public void A_sore_back_turns_the_session_into_stretching_only()
    {
        var run = Run.Begin().Then(new AnswerReadiness(BackFeeling.Sore, false));
        run.State.StretchingOnly.ShouldBeTrue();
        run.State.Skipped.Count(s => s.Kind == SkippedItemKind.Exercise).ShouldBe(5);
        var done = run.FinishStretches(SessionPhase.WarmUp);
        done.Phase.ShouldBe(SessionPhase.CoolDown);
    }

    [Fact]
    public void A_painful_back_blocks_the_session_with_advice()
    {
        var result = Run.Begin().Try(new AnswerReadiness(BackFeeling.Painful, false));
        result.State.Phase.ShouldBe(SessionPhase.StoppedForSafety);
        result.State.Stopped!.Reason.ShouldBe(StopReason.ReadinessBlocked);
        result.Events[0].ShouldBeOfType<SessionStoppedForSafety>();
    }

    [Fact]
    public void S8_new_symptoms_require_the_red_flag_questions_again()
    {
        var run = Run.Begin().Then(new AnswerReadiness(BackFeeling.Good, AnythingNew: true));
        run.Phase.ShouldBe(SessionPhase.ReadinessCheck);
        run.State.RescreenPending.ShouldBeTrue();
        run.Try(new StartStretch()).Rejection!.Code.ShouldBe(RejectionCode.ReadinessFirst);
        run.Try(new AnswerRedFlagScreen(RedFlagScreen.AllNo().Skip(2).ToList())).Rejection!.Code.ShouldBe(RejectionCode.ScreenIncomplete);

        run.Then(new AnswerRedFlagScreen(RedFlagScreen.AllNo())).Phase.ShouldBe(SessionPhase.WarmUp);
    }

    [Fact]
    public void S6_a_clear_rescreen_on_a_painful_back_still_stops_with_the_stop_event_first()
    {
        var result = Run.Begin().Then(new AnswerReadiness(BackFeeling.Painful, AnythingNew: true)).Try(new AnswerRedFlagScreen(RedFlagScreen.AllNo()));
        result.State.Phase.ShouldBe(SessionPhase.StoppedForSafety);
        result.Events[0].ShouldBeOfType<SessionStoppedForSafety>().Reason.ShouldBe(StopReason.ReadinessBlocked);
        result.Events.OfType<RedFlagScreenAnswered>().ShouldHaveSingleItem();
    }

    [Fact]
    public void S8_a_positive_rescreen_stops_the_session()
    {
        var answers = RedFlagScreen.AllNo().Select(a => a.QuestionId == RedFlagScreen.LegWeakness ? a with { Yes = true } : a).ToList();
        var run = Run.Begin().Then(new AnswerReadiness(BackFeeling.Good, true)).Then(new AnswerRedFlagScreen(answers));
        run.Phase.ShouldBe(SessionPhase.StoppedForSafety);
        run.State.Stopped!.Reason.ShouldBe(StopReason.RedFlag);
        run.State.RescreenStatus.ShouldBe(RedFlagStatus.Positive);
    }

    // ---- Timers, pause and resume ----

    [Fact]
    public void A_hold_set_has_a_deadline_after_the_get_ready_countdown()
    {
        var run = Walk.ToBriefing().Then(new ConfirmBriefing(true)).Then(new StartSet(), 0);
        run.State.GetReadyUntil.ShouldBe(run.Now.AddSeconds(3));
        run.State.Deadline.ShouldBe(run.Now.AddSeconds(8));
    }

    [Fact]
    public void A_hold_finished_early_records_the_seconds_actually_held()
    {
        var run = Walk.ToBriefing().Then(new ConfirmBriefing(true)).Then(new StartSet(), 0).Then(new FinishHold(), 5);
        run.State.CompletedSets.ShouldHaveSingleItem().HoldSecondsDone.ShouldBe(2);
    }

    [Fact]
    public void Pause_and_resume_shift_the_deadline_by_the_paused_time()
    {
        var run = Walk.ToRest();
        var deadline = run.State.Deadline!.Value;
        var paused = run.Then(new Pause(), 1);
        paused.Try(new SkipRest()).Rejection!.Code.ShouldBe(RejectionCode.SessionPaused);
        paused.Try(new Pause()).Rejection!.Code.ShouldBe(RejectionCode.AlreadyPaused);
        var resumed = paused.Then(new Resume(), 90);
        resumed.State.Deadline.ShouldBe(deadline.AddSeconds(90));
        resumed.State.Paused.ShouldBeFalse();
        resumed.Try(new Resume()).Rejection!.Code.ShouldBe(RejectionCode.NotPaused);
    }

    [Fact]
    public void Rest_cannot_be_finished_early_but_can_be_skipped()
    {
        var run = Walk.ToRest();
        run.Try(new FinishRest(), 1).Rejection!.Code.ShouldBe(RejectionCode.TooEarly);
        var next = run.Then(new SkipRest(), 1);
        next.Phase.ShouldBe(SessionPhase.SetInProgress);
        next.State.SetNumber.ShouldBe(2);
        next.Log.OfType<RestEnded>().Last().Skipped.ShouldBeTrue();
    }

    // ---- Bad input never throws ----

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Impossible_reps_are_rejected(int reps)
    {
        var plan = Build.TrainingPlan(p => p with { Exercises = [.. p.Exercises.Skip(1)] });
        Walk.ToSet(plan).Try(new CompleteSet(reps)).Rejection!.Code.ShouldBe(RejectionCode.InvalidReps);
    }

    [Fact]
    public void Reps_on_a_hold_set_are_rejected() =>
        Walk.ToSet().Try(new CompleteSet(8)).Rejection!.Code.ShouldBe(RejectionCode.WrongSetKind);

    [Theory]
    [InlineData(0, 5)]
    [InlineData(6, 5)]
    [InlineData(3, 0)]
    [InlineData(3, 11)]
    public void Ratings_out_of_range_are_rejected(int form, int effort) =>
        Walk.ToSummary().Try(new RateSession(form, effort)).Rejection!.Code.ShouldBe(RejectionCode.InvalidRating);

    // ---- Whole sessions ----

    [Fact]
    public void A_full_clean_training_session_runs_from_readiness_to_completed()
    {
        var run = Walk.ToBriefing().CompleteAllExercisesCleanly();
        run.Phase.ShouldBe(SessionPhase.CoolDown);
        run = run.FinishStretches(SessionPhase.CoolDown);
        run.Phase.ShouldBe(SessionPhase.Summary);
        run = run.Then(new RateSession(4, 6)).Then(new FinishSession());
        run.Phase.ShouldBe(SessionPhase.Completed);
        run.State.Version.ShouldBe(run.Log.Count);

        var outcome = SessionOutcome.From(run.State);
        outcome.Exercises.ShouldAllBe(e => e.Clean);
        outcome.Exercises.Count.ShouldBe(5);
        outcome.ConfirmedCues.Count.ShouldBe(5);
        outcome.StretchingSeconds.ShouldBe(run.State.StretchHolds.Sum(h => h.Seconds));
    }

    [Fact]
    public void The_evening_routine_is_stretches_lying_on_the_back_only()
    {
        var plan = Build.EveningPlan();
        plan.Kind.ShouldBe(SessionKind.StretchingOnly);
        plan.Exercises.ShouldBeEmpty();
        plan.WarmUp.Select(s => s.StretchId).ShouldAllBe(id => Build.Library.GetStretch(id).LyingOnBack);

        var run = Walk.ToWarmUp(plan).Then(new Skip("Knee is sore")).FinishStretches(SessionPhase.WarmUp);
        run.Phase.ShouldBe(SessionPhase.Summary);
        run.Then(new FinishSession()).Phase.ShouldBe(SessionPhase.Completed);
    }

    [Fact]
    public void Next_up_describes_what_follows()
    {
        Run.Begin().State.NextUp!.Kind.ShouldBe(NextUpKind.Readiness);
        Walk.ToWarmUp().State.NextUp!.Title.ShouldBe("Cat-Cow");
        Walk.ToBriefing().State.NextUp!.Title.ShouldBe("Bridge Hold: set 1 of 3");
        Walk.ToRest().State.NextUp!.Title.ShouldBe("Set 2 of 3");
        Walk.ToStopped().State.NextUp.ShouldBeNull();
    }

    [Fact]
    public void Start_refuses_programmer_errors()
    {
        Should.Throw<ArgumentException>(() => SessionEngine.Start(Guid.Empty, "m", Build.TrainingPlan(), Build.T0));
        Should.Throw<ArgumentException>(() => SessionEngine.Start(Build.SessionId, " ", Build.TrainingPlan(), Build.T0));
        Should.Throw<ArgumentException>(() => SessionEngine.Start(Build.SessionId, "m", SessionState.EmptyPlan, Build.T0));
    }

    [Fact]
    public void Planner_marks_unconfirmed_variations_as_new_and_carries_the_easier_neighbour()
    {
        var member = Build.StarterPlan(m => m
            .WithPrescription(m.Find("kettlebell-swing")! with { VariationId = "kettlebell-swing-heavier", Amount = 10, LoadKg = 12m })
            .WithConfirmedCues(["bridge-hold"]));
        var plan = SessionPlanner.ForTraining(member, Build.Library);
        plan.Exercises[0].Variation.IsNewVariation.ShouldBeFalse();
        plan.Exercises[1].Variation.IsNewVariation.ShouldBeTrue();
        var swing = plan.Exercises.Single(e => e.ExerciseId == "kettlebell-swing");
        swing.Variation.LoadKg.ShouldBe(12m);
        swing.Easier!.VariationId.ShouldBe("kettlebell-swing-light");
        swing.Easier.LoadKg.ShouldBe(8m);
        plan.GetReadySeconds.ShouldBe(3);
        plan.Exercises[0].Variation.Kind.ShouldBe(VariationKind.Hold);
    }
}
