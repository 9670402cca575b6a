using BackOnTrack.Domain.Safety;

namespace BackOnTrack.Domain.Tests.Safety;

public class RedFlagScreenTests
{
    [Fact]
    public void S8_has_the_seven_standard_questions_with_stable_ids()
    {
        RedFlagScreen.Questions.Select(q => q.Id).ShouldBe(
        [
            "saddle-numbness", "bladder-bowel-change", "progressive-leg-weakness", "fever",
            "unexplained-weight-loss", "recent-trauma", "severe-night-pain",
        ]);
        RedFlagScreen.Questions.ShouldAllBe(q => q.Text.EndsWith('?'));
    }

    [Fact]
    public void S8_all_no_is_clear()
    {
        RedFlagScreen.Evaluate(RedFlagScreen.AllNo()).Status.ShouldBe(RedFlagStatus.Clear);
    }

    [Fact]
    public void S8_any_yes_is_positive_and_names_the_flag()
    {
        var answers = RedFlagScreen.AllNo().Select(a => a.QuestionId == RedFlagScreen.Fever ? a with { Yes = true } : a);
        var result = RedFlagScreen.Evaluate(answers);
        result.Status.ShouldBe(RedFlagStatus.Positive);
        result.PositiveQuestionIds.ShouldBe([RedFlagScreen.Fever]);
        result.Message.ShouldContain("doctor");
    }

    [Fact]
    public void S8_unanswered_questions_are_a_validation_problem_not_clear()
    {
        var result = RedFlagScreen.Evaluate(RedFlagScreen.AllNo().Skip(1));
        result.Status.ShouldBe(RedFlagStatus.Incomplete);
        result.Problems.ShouldHaveSingleItem().ShouldContain("saddle");
    }

    [Fact]
    public void S8_unknown_and_repeated_answers_are_problems()
    {
        var answers = RedFlagScreen.AllNo().Append(new RedFlagAnswer("made-up", false)).Append(new RedFlagAnswer(RedFlagScreen.Fever, true));
        var result = RedFlagScreen.Evaluate(answers);
        result.Status.ShouldBe(RedFlagStatus.Incomplete);
        result.Problems.Count.ShouldBe(2);
    }
}

public class ReadinessTests
{
    [Theory]
    [InlineData(BackFeeling.Good, false, null, ReadinessDecision.Proceed)]
    [InlineData(BackFeeling.Stiff, false, 2, ReadinessDecision.Proceed)]
    [InlineData(BackFeeling.Sore, false, null, ReadinessDecision.StretchingOnly)]
    [InlineData(BackFeeling.Good, false, 4, ReadinessDecision.StretchingOnly)]
    [InlineData(BackFeeling.Good, false, 6, ReadinessDecision.Blocked)]
    [InlineData(BackFeeling.Painful, false, null, ReadinessDecision.Blocked)]
    [InlineData(BackFeeling.Good, true, null, ReadinessDecision.RescreenRequired)]
    public void Readiness_before_a_training_session(BackFeeling feeling, bool anythingNew, int? pain, ReadinessDecision expected)
    {
        Readiness.Assess(new ReadinessAnswer(feeling, anythingNew, pain), stretchingSession: false, PainThresholds.Default)!
            .Decision.ShouldBe(expected);
    }

    [Fact]
    public void A_sore_back_may_still_do_the_evening_stretches()
    {
        Readiness.Assess(new ReadinessAnswer(BackFeeling.Sore, false), stretchingSession: true, PainThresholds.Default)!
            .Decision.ShouldBe(ReadinessDecision.Proceed);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void A_pain_rating_outside_0_to_10_is_not_an_answer(int pain)
    {
        Readiness.Assess(new ReadinessAnswer(BackFeeling.Good, false, pain), false, PainThresholds.Default).ShouldBeNull();
    }

    [Theory]
    [InlineData(0, PainLevel.Fine)]
    [InlineData(3, PainLevel.Fine)]
    [InlineData(4, PainLevel.Caution)]
    [InlineData(5, PainLevel.Caution)]
    [InlineData(6, PainLevel.Stop)]
    [InlineData(10, PainLevel.Stop)]
    public void Pain_bands(int rating, PainLevel level) => PainThresholds.Default.Classify(rating).ShouldBe(level);
}

public class SessionStartGuardTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    private static MemberScreening Screened(bool fever) =>
        new(RedFlagScreen.Evaluate(RedFlagScreen.AllNo().Select(a => a.QuestionId == RedFlagScreen.Fever ? a with { Yes = fever } : a)), Now, null);

    [Fact]
    public void S8_a_member_never_screened_cannot_start() =>
        SessionStartGuard.Check(MemberScreening.NeverScreened)!.Reason.ShouldBe(StartBlockReason.NotScreened);

    [Fact]
    public void S8_a_clear_screen_lets_a_session_start() => SessionStartGuard.Check(Screened(fever: false)).ShouldBeNull();

    [Fact]
    public void S8_a_positive_screen_blocks_the_session_until_a_trainer_clears_it()
    {
        var positive = Screened(fever: true);
        SessionStartGuard.Check(positive)!.Reason.ShouldBe(StartBlockReason.UnclearedRedFlag);

        var cleared = SessionStartGuard.Clear(positive, "trainer-7", "Seen by GP, fever gone", Now.AddDays(2)).ShouldNotBeNull();
        SessionStartGuard.Check(cleared).ShouldBeNull();
    }

    [Fact]
    public void S8_a_new_positive_screen_after_a_clearance_blocks_again()
    {
        var cleared = SessionStartGuard.Clear(Screened(fever: true), "trainer-7", "ok", Now.AddDays(1))!;
        var again = cleared with { AnsweredAt = Now.AddDays(5) };
        SessionStartGuard.Check(again)!.Reason.ShouldBe(StartBlockReason.UnclearedRedFlag);
    }

    [Fact]
    public void S8_a_clear_screen_has_nothing_to_clear() =>
        SessionStartGuard.Clear(Screened(fever: false), "trainer-7", "n/a", Now).ShouldBeNull();
}
