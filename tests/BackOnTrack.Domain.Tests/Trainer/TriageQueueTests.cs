using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Domain.Tests.Support;
using BackOnTrack.Domain.Trainer;

namespace BackOnTrack.Domain.Tests.Trainer;

/// <summary>The trainer's triage queue from seeded client histories: what lands in it, why, and in which order.</summary>
public sealed class TriageQueueTests
{
    private static readonly DateTimeOffset Now = Build.T0;
    private static readonly MemberPlan Plan = Build.StarterPlan();
    private static readonly int[] Rising = [1, 1, 1, 4, 5, 5];
    private static readonly int[] RisingLow = [0, 0, 0, 2, 2, 2];

    /// <summary>A client who trained cleanly every other day for six weeks, up to yesterday, screened clear.</summary>
    private static TriageClient Regular(string name, Func<TriageClient, TriageClient>? with = null)
    {
        var outcomes = Enumerable.Range(0, 21).Select(i => Outcomes.Clean(Plan, Now.AddDays(-1 - (2 * i)))).ToList();
        var screening = new MemberScreening(RedFlagScreen.Evaluate(RedFlagScreen.AllNo()), Now.AddDays(-60), null);
        var client = new TriageClient(name, name, screening, outcomes, [], [], 3, Now.AddDays(-60), new HashSet<string>());
        return (with ?? (c => c))(client);
    }

    private static MemberScreening Positive(DateTimeOffset at) =>
        new(RedFlagScreen.Evaluate(RedFlagScreen.AllNo().Select(a => a with { Yes = a.QuestionId == RedFlagScreen.SaddleNumbness })), at, null);

    private static SessionOutcome Stopped(DateTimeOffset at, StopReason reason) =>
        Outcomes.StoppedIn(Plan, "bridge", at) with { StopReason = reason };

    private static SessionOutcome WithPain(DateTimeOffset at, int pain) =>
        Outcomes.Clean(Plan, at, e => e with { MaxPain = pain });

    private static TriageClient AddOutcome(TriageClient c, SessionOutcome outcome) => c with { Outcomes = [.. c.Outcomes, outcome] };

    public static TheoryData<string, Func<TriageClient, TriageClient>, TriageKind[]> Histories => new()
    {
        { "regular clean training", c => c, [] },
        { "positive red-flag screen", c => c with { Screening = Positive(Now.AddDays(-2)) }, [TriageKind.RedFlag] },
        { "red flag cleared after the screen", c => c with { Screening = Positive(Now.AddDays(-2)) with { Clearance = new RedFlagClearance("t", "seen by GP", Now.AddDays(-1)) } }, [] },
        { "spine stop three days ago", c => AddOutcome(c, Stopped(Now.AddDays(-3), StopReason.SpineFelt)), [TriageKind.SpineStop] },
        { "sharp pain stop", c => AddOutcome(c, Stopped(Now.AddDays(-3), StopReason.SharpPain)), [TriageKind.PainStop] },
        { "pain rating stop", c => AddOutcome(c, Stopped(Now.AddDays(-3), StopReason.PainRating)), [TriageKind.PainStop] },
        { "member pressed STOP without pain", c => AddOutcome(c, Stopped(Now.AddDays(-3), StopReason.MemberStopped)), [] },
        { "spine stop older than the lookback", c => AddOutcome(c, Stopped(Now.AddDays(-40), StopReason.SpineFelt)), [] },
        { "worse next day", c => c with { NextDayChecks = [new NextDayCheck(c.Outcomes[0].SessionId, NextDayFeeling.Worse, Now.AddDays(-1))] }, [TriageKind.WorseNextDay] },
        { "better next day", c => c with { NextDayChecks = [new NextDayCheck(c.Outcomes[0].SessionId, NextDayFeeling.Better, Now.AddDays(-1))] }, [] },
        {
            "pain ratings rising from 1 to 5",
            c => c with { Outcomes = [.. c.Outcomes.Where(o => o.StartedAt < Now.AddDays(-12)), .. Rising.Select((p, i) => WithPain(Now.AddDays(-11 + (2 * i)), p))] },
            [TriageKind.PainTrendingUp]
        },
        {
            "pain ratings rising but still low",
            c => c with { Outcomes = [.. c.Outcomes.Where(o => o.StartedAt < Now.AddDays(-12)), .. RisingLow.Select((p, i) => WithPain(Now.AddDays(-11 + (2 * i)), p))] },
            []
        },
        { "no training for ten days", c => c with { Outcomes = c.Outcomes.Where(o => o.StartedAt < Now.AddDays(-10)).ToList() }, [TriageKind.AdherenceFalling] },
        {
            "training days fell from six to two a fortnight",
            c => c with { Outcomes = c.Outcomes.Where(o => o.StartedAt < Now.AddDays(-14) || o.StartedAt >= Now.AddDays(-5)).ToList() },
            [TriageKind.AdherenceFalling]
        },
        { "new client with no sessions yet, onboarded three days ago", c => c with { Outcomes = [], ClientSince = Now.AddDays(-3) }, [] },
        { "a step up waits for the member", c => c with { PendingStepUps = [StepUp("bridge")] }, [TriageKind.ReadyToStepUp] },
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public void A_client_history_puts_exactly_these_flags_in_the_queue(string history, Func<TriageClient, TriageClient> shape, TriageKind[] expected)
    {
        var queue = TriageQueue.Build([Regular("Ana", shape)], Now, library: Build.Library);

        queue.Select(i => i.Kind).ShouldBe(expected, history);
        queue.ShouldAllBe(i => i.Why.Length > 0 && i.Since <= Now && i.MemberId == "Ana");
    }

    [Fact]
    public void The_queue_puts_the_most_urgent_kind_first_whatever_order_clients_come_in()
    {
        TriageClient[] clients =
        [
            Regular("StepUp", c => c with { PendingStepUps = [StepUp("bridge")] }),
            Regular("Missing", c => c with { Outcomes = c.Outcomes.Where(o => o.StartedAt < Now.AddDays(-10)).ToList() }),
            Regular("Worse", c => c with { NextDayChecks = [new NextDayCheck(c.Outcomes[0].SessionId, NextDayFeeling.Worse, Now.AddDays(-1))] }),
            Regular("Pain", c => AddOutcome(c, Stopped(Now.AddDays(-1), StopReason.SharpPain))),
            Regular("Spine", c => AddOutcome(c, Stopped(Now.AddDays(-1), StopReason.SpineFelt))),
            Regular("RedFlag", c => c with { Screening = Positive(Now.AddHours(-1)) }),
        ];

        foreach (var order in new[] { clients, clients.Reverse().ToArray() })
        {
            TriageQueue.Build(order, Now).Select(i => i.Name).ShouldBe(["RedFlag", "Spine", "Pain", "Worse", "Missing", "StepUp"]);
        }
    }

    [Fact]
    public void Within_a_kind_the_flag_waiting_longest_comes_first()
    {
        var queue = TriageQueue.Build(
            [
                Regular("Recent", c => AddOutcome(c, Stopped(Now.AddDays(-1), StopReason.SpineFelt))),
                Regular("Older", c => AddOutcome(c, Stopped(Now.AddDays(-6), StopReason.SpineFelt))),
            ],
            Now);

        queue.Select(i => i.Name).ShouldBe(["Older", "Recent"]);
        queue[0].Since.ShouldBe(Now.AddDays(-6).AddMinutes(40), "since when: the stopped session's end");
    }

    [Fact]
    public void A_flag_marked_handled_leaves_the_queue_but_a_new_stop_comes_back_in()
    {
        var first = Stopped(Now.AddDays(-5), StopReason.SharpPain);
        var client = Regular("Ana", c => AddOutcome(c, first) with { HandledFlagKeys = new HashSet<string> { $"stop:{first.SessionId}" } });

        TriageQueue.Build([client], Now).ShouldBeEmpty();

        var again = AddOutcome(client, Stopped(Now.AddDays(-1), StopReason.SharpPain));
        TriageQueue.Build([again], Now).ShouldHaveSingleItem().Kind.ShouldBe(TriageKind.PainStop);
    }

    [Fact]
    public void S8_a_red_flag_cannot_be_marked_away_only_cleared()
    {
        var answered = Now.AddDays(-1);
        var key = $"redflag:{answered.UtcTicks}";
        var client = Regular("Ana", c => c with { Screening = Positive(answered), HandledFlagKeys = new HashSet<string> { key } });

        var item = TriageQueue.Build([client], Now).ShouldHaveSingleItem();

        item.Kind.ShouldBe(TriageKind.RedFlag);
        item.FlagKey.ShouldBe(key);
        item.CanMarkHandled.ShouldBeFalse();
        item.Why.ShouldContain("blocked until a trainer clears it");
    }

    [Fact]
    public void A_stop_row_names_the_exercise_and_the_session()
    {
        var stop = Stopped(Now.AddDays(-2), StopReason.SpineFelt);

        var item = TriageQueue.Build([Regular("Ana", c => AddOutcome(c, stop))], Now, library: Build.Library).ShouldHaveSingleItem();

        item.Why.ShouldBe("Stopped a session: felt something in the spine during Bridge.");
        item.SessionId.ShouldBe(stop.SessionId);
        item.FlagKey.ShouldBe($"stop:{stop.SessionId}");
    }

    private static Advice StepUp(string exerciseId)
    {
        var current = Plan.Find(exerciseId)!;
        var proposed = current with { Amount = current.Amount + 2 };
        return new Advice(exerciseId, AdviceKind.StepUp, StepKind.MoreReps, current, proposed, "3 clean sessions in a row", false, []);
    }
}
