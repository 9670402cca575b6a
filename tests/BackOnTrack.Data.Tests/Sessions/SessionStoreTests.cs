using BackOnTrack.Data.Sessions;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;

namespace BackOnTrack.Data.Tests.Sessions;

public sealed class SessionStoreTests
{
    private const string MemberId = "member-1";
    private const string OtherMemberId = "member-2";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_whole_session_round_trips_through_the_log_and_replays_to_the_live_state()
    {
        await using var database = await StoreTestKit.MigratedAsync(Cancel);
        await database.AddAccountAsync(MemberId);
        var store = database.SessionStore();

        var session = await PlayAWholeSessionAsync(store);

        var loaded = await store.LoadAsync(session.State.SessionId, Cancel);
        loaded.ShouldNotBeNull();
        loaded.MemberId.ShouldBe(MemberId);
        loaded.Device.ShouldBe("Home");
        loaded.Version.ShouldBe(session.Log.Count);
        loaded.Events.ShouldBe(session.Log, "every event reads back equal to the one written, in order");

        var replayed = SessionEngine.Replay(loaded.Events);
        replayed.ShouldBe(session.State);
        (replayed == session.State).ShouldBeTrue("a replayed state equals the live one with ==");

        // The log really is the record of what happened: sets, check-ins, stretches, the skip, the rating.
        replayed.Phase.ShouldBe(SessionPhase.Completed);
        replayed.CompletedSets.Count.ShouldBe(4);
        replayed.CheckIns.Select(c => c.Sensation).ShouldBe([Sensation.MuscleBurn, Sensation.Nothing, Sensation.MuscleBurn, Sensation.Tightness]);
        replayed.Skipped.Count(s => s.Kind == SkippedItemKind.Exercise).ShouldBe(4);
        replayed.StretchHolds.ShouldNotBeEmpty();
        replayed.Rating.ShouldBe(new SessionRating(4, 6));
        replayed.Version.ShouldBe(session.Log.Count);

        var rows = await database.StoredRowsAsync(session.State.SessionId);
        rows.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, session.Log.Count));
        rows.Select(r => r.Type).ShouldBe(session.Log.Select(e => e.GetType().Name));
    }

    [Fact]
    public async Task Append_with_a_stale_expected_version_is_a_conflict_and_adds_no_rows()
    {
        await using var database = await StoreTestKit.MigratedAsync(Cancel);
        await database.AddAccountAsync(MemberId);
        var store = database.SessionStore();
        var created = await store.CreateSessionAsync(MemberId, StoreTestKit.T0);
        var moved = await created.ThenAsync(new AnswerReadiness(BackFeeling.Good, AnythingNew: false));
        var rowsBefore = await database.StoredRowsAsync(moved.State.SessionId);
        var headerBefore = await database.HeaderRowAsync(moved.State.SessionId);

        // A second screen still showing the just-started session decides STOP from that old state.
        var stale = SessionEngine.Apply(created.State, new Stop(Sensation.SpineFelt), StoreTestKit.T0.AddMinutes(2));
        stale.IsAccepted.ShouldBeTrue();
        var result = await store.AppendAsync(created.State.SessionId, created.State.Version, stale.Events, StoreTestKit.Header(stale.State), Cancel);

        result.ShouldBe(AppendResult.Conflict);
        (await database.StoredRowsAsync(moved.State.SessionId)).ShouldBe(rowsBefore);
        var headerAfter = await database.HeaderRowAsync(moved.State.SessionId);
        headerAfter.EventCount.ShouldBe(headerBefore.EventCount);
        headerAfter.Status.ShouldBe("InProgress", "the losing write must not touch the header either");
        headerAfter.EndedUtc.ShouldBeNull();
        headerAfter.OutcomeJson.ShouldBeNull();
        SessionEngine.Replay((await store.LoadAsync(moved.State.SessionId, Cancel))!.Events).ShouldBe(moved.State);
    }

    [Fact]
    public async Task Append_with_a_version_from_the_future_is_a_conflict_and_an_unknown_session_is_not_found()
    {
        await using var database = await StoreTestKit.MigratedAsync(Cancel);
        await database.AddAccountAsync(MemberId);
        var store = database.SessionStore();
        var created = await store.CreateSessionAsync(MemberId, StoreTestKit.T0);
        var next = SessionEngine.Apply(created.State, new AnswerReadiness(BackFeeling.Good, false), StoreTestKit.T0.AddMinutes(1));

        (await store.AppendAsync(created.State.SessionId, created.State.Version + 3, next.Events, StoreTestKit.Header(next.State), Cancel))
            .ShouldBe(AppendResult.Conflict);
        (await store.AppendAsync(Guid.NewGuid(), created.State.Version, next.Events, StoreTestKit.Header(next.State), Cancel))
            .ShouldBe(AppendResult.NotFound);

        (await database.StoredRowsAsync(created.State.SessionId)).Count.ShouldBe(1);
        (await store.LoadAsync(Guid.NewGuid(), Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task Two_writers_appending_at_the_same_version_at_once_give_exactly_one_append_and_no_duplicate_sequence()
    {
        await using var database = await StoreTestKit.MigratedAsync(Cancel);
        await database.AddAccountAsync(MemberId);
        // Two stores over one file: two tabs, or two kiosks, each with its own context per write.
        var tabA = database.SessionStore();
        var tabB = database.SessionStore();
        var created = await tabA.CreateSessionAsync(MemberId, StoreTestKit.T0);
        var sessionId = created.State.SessionId;
        var state = (await created.ThenAsync(new AnswerReadiness(BackFeeling.Good, false))).State;
        var before = state.Version;
        const int rounds = 20;

        for (var round = 0; round < rounds; round++)
        {
            // Both decide from the same state: pause (or resume) a few milliseconds apart.
            SessionCommand command = state.Paused ? new Resume() : new Pause();
            var now = StoreTestKit.T0.AddMinutes(10 + round);
            var fromA = SessionEngine.Apply(state, command, now);
            var fromB = SessionEngine.Apply(state, command, now.AddMilliseconds(5));
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var expected = state.Version;
            var writeA = Task.Run(async () => { await go.Task; return await tabA.AppendAsync(sessionId, expected, fromA.Events, StoreTestKit.Header(fromA.State), Cancel); }, Cancel);
            var writeB = Task.Run(async () => { await go.Task; return await tabB.AppendAsync(sessionId, expected, fromB.Events, StoreTestKit.Header(fromB.State), Cancel); }, Cancel);
            go.SetResult();
            var results = await Task.WhenAll(writeA, writeB);

            results.Count(r => r == AppendResult.Appended).ShouldBe(1, $"round {round}: {string.Join(", ", results)}");
            results.Count(r => r == AppendResult.Conflict).ShouldBe(1, $"round {round}: {string.Join(", ", results)}");

            var winner = results[0] == AppendResult.Appended ? fromA.State : fromB.State;
            state = SessionEngine.Replay((await tabA.LoadAsync(sessionId, Cancel))!.Events);
            state.ShouldBe(winner, $"round {round}: the log holds the winner's events and nothing of the loser's");
        }

        var rows = await database.StoredRowsAsync(sessionId);
        rows.Count.ShouldBe(before + rounds, "one event per round: the winner's");
        rows.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, before + rounds), "consecutive sequence numbers, none duplicated");
        (await database.HeaderRowAsync(sessionId)).EventCount.ShouldBe(rows.Count);
    }

    [Fact]
    public async Task The_header_follows_the_state_and_an_ended_session_has_its_outcome()
    {
        await using var database = await StoreTestKit.MigratedAsync(Cancel);
        await database.AddAccountAsync(MemberId);
        var store = database.SessionStore();

        var session = await store.CreateSessionAsync(MemberId, StoreTestKit.T0);
        var header = await database.HeaderRowAsync(session.State.SessionId);
        header.Status.ShouldBe("InProgress");
        header.Kind.ShouldBe("Training");
        header.EndedUtc.ShouldBeNull();
        header.OutcomeJson.ShouldBeNull();
        header.EventCount.ShouldBe(1);
        (await store.EndedOutcomesAsync(MemberId, 10, Cancel)).ShouldBeEmpty("an unfinished session has no outcome yet");

        session = await PlayAWholeSessionAsync(store, session);

        header = await database.HeaderRowAsync(session.State.SessionId);
        header.Status.ShouldBe("Completed");
        header.EndedUtc.ShouldBe(session.State.EndedAt!.Value.UtcDateTime);
        header.OutcomeJson.ShouldNotBeNull();
        header.EventCount.ShouldBe(session.Log.Count);
        header.LastEventUtc.ShouldBe(session.Log[^1].At.UtcDateTime);

        var outcome = (await store.EndedOutcomesAsync(MemberId, 10, Cancel)).ShouldHaveSingleItem();
        outcome.ShouldBe(SessionOutcome.From(session.State));
        outcome.FinalPhase.ShouldBe(SessionPhase.Completed);
        outcome.Exercises.Count.ShouldBe(5);
        outcome.Exercises[0].SetsCompleted.ShouldBe(3);
        outcome.Exercises[1].HadTightness.ShouldBeTrue();
    }

    [Fact]
    public async Task A_safety_stop_ends_the_header_as_StoppedForSafety_with_the_stop_in_the_outcome()
    {
        await using var database = await StoreTestKit.MigratedAsync(Cancel);
        await database.AddAccountAsync(MemberId);
        var store = database.SessionStore();
        var session = await (await store.CreateSessionAsync(MemberId, StoreTestKit.T0)).ThenAsync(new AnswerReadiness(BackFeeling.Good, false));
        session = await session.FinishStretchesAsync();
        session = await session.ThenAsync(new ConfirmBriefing(true));
        session = await session.ThenAsync(new StartSet());
        session = await session.ThenAsync(new Stop(Sensation.SpineFelt));

        var header = await database.HeaderRowAsync(session.State.SessionId);
        header.Status.ShouldBe("StoppedForSafety");
        header.EndedUtc.ShouldBe(session.Now.UtcDateTime);
        var outcome = (await store.EndedOutcomesAsync(MemberId, 10, Cancel)).ShouldHaveSingleItem();
        outcome.StoppedForSafety.ShouldBeTrue();
        outcome.StopReason.ShouldBe(StopReason.SpineFelt);
        outcome.For("bridge")!.StoppedForSafety.ShouldBeTrue();
        (await store.FindUnfinishedAsync(MemberId, Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task Ended_outcomes_are_the_newest_ended_sessions_of_that_member_oldest_first()
    {
        await using var database = await StoreTestKit.MigratedAsync(Cancel);
        await database.AddAccountAsync(MemberId);
        await database.AddAccountAsync(OtherMemberId);
        var store = database.SessionStore();
        var ended = new List<Guid>();
        for (var day = 0; day < 3; day++)
        {
            var session = await store.CreateSessionAsync(MemberId, StoreTestKit.T0.AddDays(day));
            session = await session.ThenAsync(new Abandon("Phone call"));
            ended.Add(session.State.SessionId);
        }

        await store.CreateSessionAsync(MemberId, StoreTestKit.T0.AddDays(5)); // still running
        await (await store.CreateSessionAsync(OtherMemberId, StoreTestKit.T0.AddDays(4))).ThenAsync(new Abandon(null));

        (await store.EndedOutcomesAsync(MemberId, 10, Cancel)).Select(o => o.SessionId).ShouldBe(ended);
        (await store.EndedOutcomesAsync(MemberId, 2, Cancel)).Select(o => o.SessionId).ShouldBe(ended.Skip(1));
        (await store.EndedOutcomesAsync(MemberId, 10, Cancel)).ShouldAllBe(o => o.FinalPhase == SessionPhase.Abandoned && o.MemberId == MemberId);
    }

    [Fact]
    public async Task Find_unfinished_returns_the_members_newest_open_session_and_nothing_once_it_has_ended()
    {
        await using var database = await StoreTestKit.MigratedAsync(Cancel);
        await database.AddAccountAsync(MemberId);
        await database.AddAccountAsync(OtherMemberId);
        var store = database.SessionStore();

        (await store.FindUnfinishedAsync(MemberId, Cancel)).ShouldBeNull();

        var older = await store.CreateSessionAsync(MemberId, StoreTestKit.T0);
        var newer = await store.CreateSessionAsync(MemberId, StoreTestKit.T0.AddHours(2));
        await store.CreateSessionAsync(OtherMemberId, StoreTestKit.T0.AddHours(3));

        (await store.FindUnfinishedAsync(MemberId, Cancel)).ShouldBe(newer.State.SessionId);

        await newer.ThenAsync(new Abandon("Done for today"));
        (await store.FindUnfinishedAsync(MemberId, Cancel)).ShouldBe(older.State.SessionId);

        await older.ThenAsync(new Stop(Sensation.SharpPain));
        (await store.FindUnfinishedAsync(MemberId, Cancel)).ShouldBeNull();
    }

    /// <summary>
    /// A realistic session: readiness, the whole warm-up, three hold sets of the bridge with a pause,
    /// a skipped and a finished rest, tightness on the second exercise with its stretch, the rest skipped,
    /// the cool-down, a rating and the finish. Every accepted command is appended as the runner would.
    /// </summary>
    private static async Task<LiveSession> PlayAWholeSessionAsync(SessionStore store, LiveSession? started = null)
    {
        var session = started ?? await store.CreateSessionAsync(MemberId, StoreTestKit.T0);
        session = await session.ThenAsync(new AnswerReadiness(BackFeeling.Stiff, AnythingNew: false, PainRating: 2));
        session = await session.FinishStretchesAsync();
        session.State.Phase.ShouldBe(SessionPhase.Briefing);

        session = await session.ThenAsync(new ConfirmBriefing(CuesRead: true));
        session = await session.ThenAsync(new StartSet());
        session = await session.ThenAsync(new Pause(), 2);
        session = await session.ThenAsync(new Resume());
        session = await session.ThenAsync(FinishSet(session.State));
        session = await session.ThenAsync(new ReportSensation(Sensation.MuscleBurn, 2, FormRating.Good));
        session = await session.ThenAsync(new SkipRest(), 1);
        session = await session.ThenAsync(FinishSet(session.State));
        session = await session.ThenAsync(new ReportSensation(Sensation.Nothing));
        session = await session.ThenAsync(new FinishRest());
        session = await session.ThenAsync(FinishSet(session.State));
        session = await session.ThenAsync(new ReportSensation(Sensation.MuscleBurn, 3, FormRating.Good));
        session.State.ExerciseIndex.ShouldBe(1);

        session = await session.ThenAsync(new ConfirmBriefing(CuesRead: true));
        session = await session.ThenAsync(new StartSet());
        session = await session.ThenAsync(FinishSet(session.State));
        session = await session.ThenAsync(new ReportSensation(Sensation.Tightness, 3));
        session.State.Phase.ShouldBe(SessionPhase.TightnessPause);
        session = await session.RepeatAsync(
            s => s.TightnessOffer is { StretchDone: false },
            s => s.StretchInProgress ? new FinishStretchHold() : new StartStretch());
        session = await session.ThenAsync(new ChooseAfterTightness(TightnessChoice.SkipExercise));

        session = await session.RepeatAsync(s => s.Phase == SessionPhase.Briefing, _ => new Skip("Short on time"));
        session = await session.FinishStretchesAsync();
        session.State.Phase.ShouldBe(SessionPhase.Summary);
        session = await session.ThenAsync(new RateSession(4, 6));
        return await session.ThenAsync(new FinishSession());
    }

    private static SessionCommand FinishSet(SessionState state) =>
        state.ActiveVariation!.Kind == VariationKind.Reps ? new CompleteSet(state.ActiveVariation.Amount) : new FinishHold();
}
