using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Domain.Tests.Support;

namespace BackOnTrack.Domain.Tests.Progression;

public class ProgressionAdvisorTests
{
    private static readonly ProgressionAdvisor Advisor = new(ProgressionRules.Default, Build.Library);
    private static readonly DateTimeOffset Start = Build.T0;

    /// <summary>A plan with one exercise changed, as of <see cref="Start"/>.</summary>
    private static MemberPlan PlanWith(string exerciseId, Func<ExercisePrescription, ExercisePrescription> change, Func<EquipmentOwned, EquipmentOwned>? equipment = null)
    {
        var plan = MemberPlan.Starter(Build.Library, Build.Equipment(equipment), Start);
        return plan.WithPrescription(change(plan.Find(exerciseId)!));
    }

    private static List<SessionOutcome> CleanSessions(MemberPlan plan, int count, int firstDay = 1) =>
        Enumerable.Range(0, count).Select(i => Outcomes.Clean(plan, Start.AddDays(firstDay + (i * 2)))).ToList();

    private static Advice AdviceFor(MemberPlan plan, string exerciseId, IReadOnlyList<SessionOutcome> history, IReadOnlyList<NextDayCheck>? checks = null, int day = 30) =>
        Advisor.Advise(plan, history, checks ?? [], Start.AddDays(day)).Single(a => a.ExerciseId == exerciseId);

    [Fact]
    public void S3_a_new_member_starts_every_exercise_at_its_easiest_variation_with_bodyweight()
    {
        var plan = MemberPlan.Starter(Build.Library, Build.Equipment(), Start);
        plan.Exercises.Count.ShouldBe(5);
        foreach (var prescription in plan.Exercises)
        {
            var exercise = Build.Library.GetExercise(prescription.ExerciseId);
            prescription.VariationId.ShouldBe(exercise.Easiest.Id);
            prescription.LoadKg.ShouldBeNull();
            prescription.Amount.ShouldBe(exercise.Easiest.DefaultAmount);
            prescription.StartedOn.ShouldBe(DateOnly.FromDateTime(Start.Date));
        }

        plan.TrainingDaysPerWeek.ShouldBe(3);
        plan.ConfirmedVariationIds.ShouldBeEmpty();
    }

    [Fact]
    public void S4_two_clean_sessions_are_not_enough_to_step_up()
    {
        var plan = MemberPlan.Starter(Build.Library, Build.Equipment(), Start);
        var advice = AdviceFor(plan, "bridge", CleanSessions(plan, 2));
        advice.Kind.ShouldBe(AdviceKind.Stay);
        advice.Reason.ShouldBe("Keep going: 2 of 3 clean sessions in a row at Bridge Hold so far.");
    }

    [Fact]
    public void S4_three_clean_sessions_in_a_row_add_time_to_a_hold_with_a_reason()
    {
        var plan = MemberPlan.Starter(Build.Library, Build.Equipment(), Start);
        var advice = AdviceFor(plan, "bridge", CleanSessions(plan, 3));
        advice.Kind.ShouldBe(AdviceKind.StepUp);
        advice.Step.ShouldBe(StepKind.LongerHold);
        advice.Proposed.Amount.ShouldBe(25);
        advice.Reason.ShouldBe("3 clean sessions in a row: hold 5 seconds longer (20 → 25 s) on Bridge Hold.");
    }

    [Fact]
    public void S4_at_the_top_of_a_rung_three_clean_sessions_and_a_fine_next_day_move_to_the_harder_variation()
    {
        var plan = PlanWith("bridge", p => p with { VariationId = "bridge-march", Amount = 12 });
        var history = CleanSessions(plan, 3);
        var checks = new[] { new NextDayCheck(history[^1].SessionId, NextDayFeeling.Same, Start.AddDays(6)) };
        var advice = AdviceFor(plan, "bridge", history, checks);
        advice.Kind.ShouldBe(AdviceKind.StepUp);
        advice.Step.ShouldBe(StepKind.HarderVariation);
        advice.Proposed.VariationId.ShouldBe("bridge-single-leg");
        advice.Proposed.Amount.ShouldBe(8);
        advice.Reason.ShouldBe("3 clean sessions in a row and the next day felt fine: move to Single-Leg Bridge.");
    }

    [Fact]
    public void S4_sessions_before_the_last_change_do_not_count()
    {
        var plan = MemberPlan.Starter(Build.Library, Build.Equipment(), Start);
        var history = CleanSessions(plan, 3);
        var changed = plan.WithPrescription(plan.Find("bridge")! with { LastChangedAt = Start.AddDays(20) });
        AdviceFor(changed, "bridge", history).Kind.ShouldBe(AdviceKind.Stay);
    }

    [Fact]
    public void S4_a_session_in_between_that_was_not_clean_breaks_the_run()
    {
        var plan = MemberPlan.Starter(Build.Library, Build.Equipment(), Start);
        var history = CleanSessions(plan, 4);
        history[2] = Outcomes.Clean(plan, history[2].StartedAt, e => e with { HadTightness = true, Clean = false });
        AdviceFor(plan, "bridge", history).Reason.ShouldContain("1 of 3");
    }

    [Fact]
    public void S4_S5_poor_or_unsure_form_blocks_progression()
    {
        var plan = MemberPlan.Starter(Build.Library, Build.Equipment(), Start);
        var history = CleanSessions(plan, 3);
        history[^1] = Outcomes.Clean(plan, history[^1].StartedAt, e => e with { FormConcern = true, Clean = false, NotCleanBecause = "form" });
        AdviceFor(plan, "bridge", history).Kind.ShouldBe(AdviceKind.Stay);
    }

    [Fact]
    public void S4_pain_at_caution_level_blocks_progression_from_that_session()
    {
        var plan = MemberPlan.Starter(Build.Library, Build.Equipment(), Start);
        var history = CleanSessions(plan, 3);
        history[^1] = Outcomes.Clean(plan, history[^1].StartedAt, e => e with { MaxPain = 4 });
        AdviceFor(plan, "bridge", history).Kind.ShouldBe(AdviceKind.Stay);
    }

    [Fact]
    public void S4_adding_weight_waits_for_three_weeks_at_the_current_level()
    {
        var plan = PlanWith("bridge", p => p with { VariationId = "bridge-single-leg", Amount = 12, StartedOn = DateOnly.FromDateTime(Start.Date.AddDays(20)) });
        var advice = AdviceFor(plan, "bridge", CleanSessions(plan, 3, firstDay: 22), day: 30);
        advice.Kind.ShouldBe(AdviceKind.Stay);
        advice.Reason.ShouldContain("1 of 3 weeks");
    }

    [Fact]
    public void S3_S4_the_first_weight_is_the_lightest_owned_size_no_heavier_than_the_starting_load()
    {
        var plan = PlanWith("bridge", p => p with { VariationId = "bridge-single-leg", Amount = 12 });
        var advice = AdviceFor(plan, "bridge", CleanSessions(plan, 3), day: 30);
        advice.Kind.ShouldBe(AdviceKind.StepUp);
        advice.Proposed.VariationId.ShouldBe("bridge-weighted");
        advice.Proposed.LoadKg.ShouldBe(2.5m);
    }

    [Fact]
    public void S3_no_weighted_step_when_the_member_owns_nothing_light_enough()
    {
        var plan = PlanWith("bridge", p => p with { VariationId = "bridge-single-leg", Amount = 12 }, e => e with { PlatesKg = [20m] });
        var advice = AdviceFor(plan, "bridge", CleanSessions(plan, 3), day: 30);
        advice.Kind.ShouldBe(AdviceKind.Stay);
        advice.Reason.ShouldContain("start light");
    }

    [Fact]
    public void S4_a_kettlebell_step_goes_to_the_next_owned_bell_only()
    {
        var plan = PlanWith("kettlebell-swing", p => p with { VariationId = "kettlebell-swing-heavier", Amount = 15, LoadKg = 12m },
            e => e with { KettlebellsKg = [8m, 12m, 16m, 24m] });
        var advice = AdviceFor(plan, "kettlebell-swing", CleanSessions(plan, 3), day: 30);
        advice.Step.ShouldBe(StepKind.MoreLoad);
        advice.Proposed.LoadKg.ShouldBe(16m);
        advice.Proposed.Amount.ShouldBe(10);
        advice.Reason.ShouldBe("3 clean sessions in a row and 4 weeks at 12 kg: move up to 16 kg at 10 reps.");
    }

    [Fact]
    public void S4_no_load_step_beyond_the_heaviest_owned_size()
    {
        var plan = PlanWith("kettlebell-swing", p => p with { VariationId = "kettlebell-swing-heavier", Amount = 15, LoadKg = 12m },
            e => e with { KettlebellsKg = [8m, 12m] });
        AdviceFor(plan, "kettlebell-swing", CleanSessions(plan, 3), day: 30).Kind.ShouldBe(AdviceKind.Stay);
    }

    [Fact]
    public void S4_a_harder_variation_needs_equipment_the_member_owns()
    {
        var plan = PlanWith("back-extension", p => p with { Amount = 15 }, e => e with { Bench = false });
        var advice = AdviceFor(plan, "back-extension", CleanSessions(plan, 3));
        advice.Kind.ShouldBe(AdviceKind.Stay);
        advice.Reason.ShouldContain("bench");
    }

    [Fact]
    public void S7_a_safety_stop_steps_the_exercise_down_one_rung_recommends_stretching_and_flags_the_trainer()
    {
        var plan = PlanWith("bridge", p => p with { VariationId = "bridge-single-leg", Amount = 10 });
        var history = new List<SessionOutcome>(CleanSessions(plan, 3)) { Outcomes.StoppedIn(plan, "bridge", Start.AddDays(10)) };
        var advice = AdviceFor(plan, "bridge", history);
        advice.Kind.ShouldBe(AdviceKind.StepDown);
        advice.Proposed.VariationId.ShouldBe("bridge-march");
        advice.Proposed.ProgressionHeld.ShouldBeTrue();
        advice.FlagTrainer.ShouldBeTrue();
        advice.Recommendations.ShouldContain(r => r.Contains("stretches"));
        advice.Reason.ShouldStartWith("You stopped Bridge for safety (sharp pain): go back one step to Marching Bridge.");

        AdviceFor(plan, "superman", history).Kind.ShouldBe(AdviceKind.Stay, "the stop was in the bridge only; the session still was not clean");
    }

    [Fact]
    public void S7_a_stop_at_the_easiest_variation_reduces_the_dose_instead()
    {
        var plan = PlanWith("bridge", p => p with { Amount = 30 });
        var advice = AdviceFor(plan, "bridge", [Outcomes.StoppedIn(plan, "bridge", Start.AddDays(2))]);
        advice.Kind.ShouldBe(AdviceKind.StepDown);
        advice.Proposed.VariationId.ShouldBe("bridge-hold");
        advice.Proposed.Amount.ShouldBe(20);
    }

    [Fact]
    public void S7_a_step_down_is_applied_once_and_clean_sessions_must_build_up_again()
    {
        var plan = PlanWith("bridge", p => p with { VariationId = "bridge-single-leg", Amount = 10 });
        var history = new List<SessionOutcome> { Outcomes.StoppedIn(plan, "bridge", Start.AddDays(2)) };
        var down = AdviceFor(plan, "bridge", history, day: 3);
        var stepped = PlanAdjustment.Apply(plan, down);
        stepped.Find("bridge")!.VariationId.ShouldBe("bridge-march");

        var again = Advisor.Advise(stepped, history, [], Start.AddDays(4)).Single(a => a.ExerciseId == "bridge");
        again.Kind.ShouldBe(AdviceKind.Stay);
        again.Reason.ShouldStartWith("Progression is on hold after the last step back: 0 of 3");

        history.AddRange(Enumerable.Range(0, 3).Select(i => Outcomes.Clean(stepped, Start.AddDays(5 + i))));
        var up = Advisor.Advise(stepped, history, [], Start.AddDays(9)).Single(a => a.ExerciseId == "bridge");
        up.Kind.ShouldBe(AdviceKind.StepUp);
        up.Proposed.ProgressionHeld.ShouldBeFalse();
    }

    [Fact]
    public void S9_a_worse_next_day_steps_down_every_exercise_in_that_session_and_blocks_progression()
    {
        var plan = PlanWith("superman", p => p with { VariationId = "superman-full", Amount = 8 });
        var history = CleanSessions(plan, 3);
        var checks = new[] { new NextDayCheck(history[^1].SessionId, NextDayFeeling.Worse, Start.AddDays(6)) };
        var advice = Advisor.Advise(plan, history, checks, Start.AddDays(7));
        advice.ShouldAllBe(a => a.Kind == AdviceKind.StepDown);
        var superman = advice.Single(a => a.ExerciseId == "superman");
        superman.Proposed.VariationId.ShouldBe("superman-alternating");
        superman.Reason.ShouldStartWith("Your back felt worse the day after your last session");
    }

    [Fact]
    public void S9_a_worse_next_day_makes_that_session_not_clean()
    {
        var plan = MemberPlan.Starter(Build.Library, Build.Equipment(), Start);
        var history = CleanSessions(plan, 3);
        var checks = new[] { new NextDayCheck(history[0].SessionId, NextDayFeeling.Worse, Start.AddDays(2)) };
        var stepped = PlanAdjustment.ApplyAll(plan, Advisor.Advise(plan, history.Take(1).ToList(), checks, Start.AddDays(2).AddHours(1)));
        AdviceFor(stepped, "bridge", history, checks).Kind.ShouldBe(AdviceKind.Stay);
    }

    [Fact]
    public void Plan_adjustment_applies_proposed_prescriptions_and_remembers_confirmed_cues()
    {
        var plan = MemberPlan.Starter(Build.Library, Build.Equipment(), Start);
        var stay = AdviceFor(plan, "bridge", []);
        PlanAdjustment.Apply(plan, stay).ShouldBe(plan);

        var outcome = Outcomes.Clean(plan, Start) with { ConfirmedCues = ["bridge-hold", "superman-alternating"] };
        var updated = PlanAdjustment.RecordConfirmedCues(plan, outcome);
        updated.HasConfirmedCues("bridge-hold").ShouldBeTrue();
        SessionPlanner.ForTraining(updated, Build.Library).Exercises[0].Variation.IsNewVariation.ShouldBeFalse();
        PlanAdjustment.RecordConfirmedCues(updated, outcome).ShouldBe(updated);
    }

    [Theory]
    [InlineData(10, "12", 12)]
    [InlineData(50, "52.5,60", 55)]
    [InlineData(10, "10.1,12", 12)]
    [InlineData(16, "", 17.6)]
    public void Load_cap_is_ten_percent_or_the_next_real_size(decimal current, string owned, decimal cap)
    {
        var sizes = owned.Length == 0 ? [] : owned.Split(',').Select(s => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        LoadSteps.Cap(current, sizes, 10m, 2m).ShouldBe(cap);
    }
}
