using BackOnTrack.Data.Members;
using BackOnTrack.Data.Tests.Sessions;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;
using Microsoft.EntityFrameworkCore;

namespace BackOnTrack.Data.Tests.Members;

public sealed class MemberStoreTests
{
    private const string MemberId = "member-1";
    private const string OtherMemberId = "member-2";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateTimeOffset T0 => StoreTestKit.T0;

    /// <summary>A plan that uses every field: weighted and held prescriptions, owned sizes, confirmed cues, own minutes.</summary>
    private static MemberPlan RichPlan()
    {
        var equipment = new EquipmentOwned(Bench: true, KettlebellsKg: [16m, 8m, 12m], PlatesKg: [2.5m, 5m], BandOrAnkleWeight: true);
        var starter = MemberPlan.Starter(ExerciseLibrary.BuiltIn, equipment, T0.AddDays(-40));
        return starter
            .WithPrescription(new ExercisePrescription("bridge", "bridge-weighted", 3, 12, 5m, new DateOnly(2025, 2, 1), new DateTimeOffset(2025, 2, 1, 18, 30, 0, TimeSpan.FromHours(2))))
            .WithPrescription(starter.Find("kettlebell-swing")! with { Amount = 7, ProgressionHeld = true })
            .WithConfirmedCues(["bridge-hold", "bridge-weighted"])
            with
        { TrainingDaysPerWeek = 4, DailyStretchMinutesMinimum = 12, DailyStretchMinutesTarget = 25 };
    }

    [Fact]
    public async Task A_member_plan_round_trips_through_onboarding_field_by_field()
    {
        await using var database = await StoreTestKit.MigratedAsync(Cancel);
        await database.AddAccountAsync(MemberId);
        var store = database.MemberStore();
        var plan = RichPlan();

        await store.SaveOnboardingAsync(MemberId, "Lift my kids without a sore back", plan, T0.UtcDateTime, Cancel);
        var profile = await store.FindAsync(MemberId, Cancel);

        profile.ShouldNotBeNull();
        profile.MemberId.ShouldBe(MemberId);
        profile.Goal.ShouldBe("Lift my kids without a sore back");
        profile.OnboardedUtc.ShouldBe(T0.UtcDateTime);
        var read = profile.Plan;
        read.Exercises.Count.ShouldBe(plan.Exercises.Count);
        for (var i = 0; i < plan.Exercises.Count; i++)
        {
            read.Exercises[i].ShouldBe(plan.Exercises[i], $"prescription {i} ({plan.Exercises[i].ExerciseId})");
        }

        read.Find("bridge")!.LoadKg.ShouldBe(5m);
        read.Find("bridge")!.LastChangedAt.Offset.ShouldBe(TimeSpan.FromHours(2), "the stored instant keeps its offset");
        read.Find("kettlebell-swing")!.ProgressionHeld.ShouldBeTrue();
        read.TrainingDaysPerWeek.ShouldBe(4);
        read.DailyStretchMinutesMinimum.ShouldBe(12);
        read.DailyStretchMinutesTarget.ShouldBe(25);
        read.ConfirmedVariationIds.ShouldBe(["bridge-hold", "bridge-weighted"]);
        read.Equipment.Bench.ShouldBeTrue();
        read.Equipment.BandOrAnkleWeight.ShouldBeTrue();
        read.Equipment.KettlebellsKg.ShouldBe([8m, 12m, 16m]);
        read.Equipment.PlatesKg.ShouldBe([2.5m, 5m]);
        (read == plan).ShouldBeTrue("the plan's lists compare by value, so the whole record is equal");
    }

    [Fact]
    public async Task Onboarding_again_replaces_the_plan_but_keeps_the_first_onboarding_time()
    {
        await using var database = await StoreTestKit.MigratedAsync(Cancel);
        await database.AddAccountAsync(MemberId);
        var store = database.MemberStore();
        await store.SaveOnboardingAsync(MemberId, "First goal", StoreTestKit.StarterPlan(), T0.UtcDateTime, Cancel);

        await store.SaveOnboardingAsync(MemberId, "Second goal", RichPlan(), T0.AddDays(3).UtcDateTime, Cancel);

        var profile = (await store.FindAsync(MemberId, Cancel))!;
        profile.Goal.ShouldBe("Second goal");
        profile.Plan.ShouldBe(RichPlan());
        profile.OnboardedUtc.ShouldBe(T0.UtcDateTime);
        await using var db = await database.CreateContextAsync();
        (await db.MemberProfiles.CountAsync(Cancel)).ShouldBe(1);
    }

    [Fact]
    public async Task A_member_without_a_profile_is_not_found()
    {
        await using var database = await StoreTestKit.MigratedAsync(Cancel);
        await database.AddAccountAsync(MemberId);

        (await database.MemberStore().FindAsync(MemberId, Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task S8_a_positive_screen_is_an_uncleared_red_flag_and_names_the_question()
    {
        await using var database = await StoreTestKit.MigratedAsync(Cancel);
        await database.AddAccountAsync(MemberId);
        var store = database.MemberStore();
        var answers = RedFlagScreen.AllNo().Select(a => a.QuestionId == RedFlagScreen.LegWeakness ? a with { Yes = true } : a).ToList();

        var result = await store.RecordScreeningAsync(MemberId, answers, T0.UtcDateTime, Cancel);

        result.Status.ShouldBe(RedFlagStatus.Positive);
        var screening = await store.ScreeningAsync(MemberId, Cancel);
        screening.HasUnclearedRedFlag.ShouldBeTrue();
        screening.LatestResult!.PositiveQuestionIds.ShouldBe([RedFlagScreen.LegWeakness]);
        screening.AnsweredAt.ShouldBe(T0);
        screening.Clearance.ShouldBeNull();
        SessionStartGuard.Check(screening)!.Reason.ShouldBe(StartBlockReason.UnclearedRedFlag);
    }

    [Fact]
    public async Task S8_a_clear_screen_lets_the_member_start_and_the_latest_screen_decides()
    {
        await using var database = await StoreTestKit.MigratedAsync(Cancel);
        await database.AddAccountAsync(MemberId);
        var store = database.MemberStore();

        (await store.ScreeningAsync(MemberId, Cancel)).ShouldBe(MemberScreening.NeverScreened);
        (await store.RecordScreeningAsync(MemberId, RedFlagScreen.AllNo(), T0.UtcDateTime, Cancel)).Status.ShouldBe(RedFlagStatus.Clear);
        var clear = await store.ScreeningAsync(MemberId, Cancel);
        clear.HasUnclearedRedFlag.ShouldBeFalse();
        SessionStartGuard.Check(clear).ShouldBeNull();

        var fever = RedFlagScreen.AllNo().Select(a => a.QuestionId == RedFlagScreen.Fever ? a with { Yes = true } : a).ToList();
        await store.RecordScreeningAsync(MemberId, fever, T0.AddDays(1).UtcDateTime, Cancel);

        (await store.ScreeningAsync(MemberId, Cancel)).HasUnclearedRedFlag.ShouldBeTrue("a newer positive screen outranks the older clear one");
    }

    [Theory]
    [MemberData(nameof(IncompleteAnswers))]
    public async Task S8_incomplete_answers_are_refused_and_store_nothing(string why, RedFlagAnswer[] answers)
    {
        await using var database = await StoreTestKit.MigratedAsync(Cancel);
        await database.AddAccountAsync(MemberId);
        var store = database.MemberStore();

        var result = await store.RecordScreeningAsync(MemberId, answers, T0.UtcDateTime, Cancel);

        result.Status.ShouldBe(RedFlagStatus.Incomplete, why);
        result.Problems.ShouldNotBeEmpty();
        (await store.ScreeningAsync(MemberId, Cancel)).ShouldBe(MemberScreening.NeverScreened);
        await using var db = await database.CreateContextAsync();
        (await db.RedFlagScreenings.CountAsync(Cancel)).ShouldBe(0);
    }

    public static TheoryData<string, RedFlagAnswer[]> IncompleteAnswers()
    {
        var allNo = RedFlagScreen.AllNo();
        return new()
        {
            { "nothing answered", [] },
            { "one question missing, even with a yes elsewhere", [.. allNo.Skip(1).Select((a, i) => i == 0 ? a with { Yes = true } : a)] },
            { "a question answered twice", [.. allNo, allNo[0] with { Yes = true }] },
            { "an unknown question", [.. allNo, new RedFlagAnswer("made-up", true)] },
        };
    }

    [Fact]
    public async Task Next_day_checks_are_the_newest_answers_of_that_member_oldest_first()
    {
        await using var database = await StoreTestKit.MigratedAsync(Cancel);
        await database.AddAccountAsync(MemberId);
        await database.AddAccountAsync(OtherMemberId);
        var sessions = database.SessionStore();
        var ids = new List<Guid>();
        for (var day = 0; day < 3; day++)
        {
            ids.Add((await sessions.CreateSessionAsync(MemberId, T0.AddDays(day))).State.SessionId);
        }

        var others = (await sessions.CreateSessionAsync(OtherMemberId, T0)).State.SessionId;
        await using (var db = await database.CreateContextAsync())
        {
            // Inserted out of order on purpose: the store orders by when they were answered.
            db.NextDayChecks.AddRange(
                Check(ids[2], MemberId, NextDayFeeling.Worse, T0.AddDays(3)),
                Check(ids[0], MemberId, NextDayFeeling.Better, T0.AddDays(1)),
                Check(others, OtherMemberId, NextDayFeeling.Same, T0.AddDays(1).AddHours(1)),
                Check(ids[1], MemberId, NextDayFeeling.Same, T0.AddDays(2)));
            await db.SaveChangesAsync(Cancel);
        }

        var store = database.MemberStore();
        var all = await store.NextDayChecksAsync(MemberId, 10, Cancel);
        all.ShouldBe(
        [
            new NextDayCheck(ids[0], NextDayFeeling.Better, T0.AddDays(1)),
            new NextDayCheck(ids[1], NextDayFeeling.Same, T0.AddDays(2)),
            new NextDayCheck(ids[2], NextDayFeeling.Worse, T0.AddDays(3)),
        ]);
        (await store.NextDayChecksAsync(MemberId, 2, Cancel)).Select(c => c.SessionId).ShouldBe([ids[1], ids[2]], "the two newest, oldest first");
    }

    private static NextDayCheckRow Check(Guid sessionId, string memberId, NextDayFeeling feeling, DateTimeOffset at) =>
        new() { SessionId = sessionId, MemberId = memberId, Answer = feeling.ToString(), AnsweredUtc = at.UtcDateTime };
}
