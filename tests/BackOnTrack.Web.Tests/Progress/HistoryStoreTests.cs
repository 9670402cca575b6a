using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Sessions;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Web.Session;
using BackOnTrack.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackOnTrack.Web.Tests.Progress;

/// <summary>
/// HistoryStore as the app registers it (real DI, real SQLite, real migrations), over two members'
/// sessions: it pages newest first, counts sets from the log, and never returns the other member's rows.
/// </summary>
public sealed class HistoryStoreTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string Password = "quiet morning stretch";
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HistoryStore History => app.Services.GetRequiredService<HistoryStore>();

    private SessionStore Sessions => app.Services.GetRequiredService<SessionStore>();

    private string _maya = "";
    private string _omar = "";
    private readonly List<Guid> _mayaSessions = [];
    private readonly List<Guid> _omarSessions = [];

    public async ValueTask InitializeAsync()
    {
        await app.EnsureAdminAsync();
        _maya = (await app.CreateAccountAsync($"maya-{Guid.NewGuid():N}@example.com", Password, Roles.Member)).Id;
        _omar = (await app.CreateAccountAsync($"omar-{Guid.NewGuid():N}@example.com", Password, Roles.Member)).Id;

        // Maya: 23 abandoned sessions with 1 to 3 sets, one a day, then a sharp-pain stop and one still under way.
        for (var day = 0; day < 23; day++)
        {
            _mayaSessions.Add(await SeedAsync(_maya, T0.AddDays(day), PlayedSessions.Training(Guid.NewGuid(), _maya, T0.AddDays(day), sets: 1 + (day % 3), end: new Abandon("Out of time"))));
        }

        _mayaSessions.Add(await SeedAsync(_maya, T0.AddDays(23), PlayedSessions.Training(Guid.NewGuid(), _maya, T0.AddDays(23), sets: 2, end: new Stop(Sensation.SharpPain, 7))));
        _mayaSessions.Add(await SeedAsync(_maya, T0.AddDays(24), PlayedSessions.Training(Guid.NewGuid(), _maya, T0.AddDays(24), sets: 1)));

        // Omar trains on the same days, later in the day, so his rows sit between Maya's in time.
        for (var day = 0; day < 3; day++)
        {
            var at = T0.AddDays(day).AddHours(2);
            _omarSessions.Add(await SeedAsync(_omar, at, PlayedSessions.Training(Guid.NewGuid(), _omar, at, sets: 4, end: new Abandon())));
        }

        await Sessions.SaveAdviceAsync(_omarSessions[0], ["Omar's own advice."]);
        await Sessions.SaveAdviceAsync(_mayaSessions[^2], ["Bridge: one step easier next time, after the stop (S7)."]);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<Guid> SeedAsync(string memberId, DateTimeOffset at, IReadOnlyList<SessionEvent> events)
    {
        var state = SessionEngine.Replay(events);
        state.StartedAt.ShouldBe(at);
        await Sessions.CreateAsync(state.SessionId, memberId, "Home", events, SessionHeaders.For(state));
        return state.SessionId;
    }

    [Fact]
    public async Task Outcomes_are_the_members_own_ended_sessions_oldest_first()
    {
        var outcomes = await History.OutcomesAsync(_maya, cancellationToken: Ct);

        outcomes.Count.ShouldBe(24, "the session still under way has no outcome yet");
        outcomes.ShouldAllBe(o => o.MemberId == _maya);
        outcomes.Select(o => o.SessionId).ShouldBe(_mayaSessions.Take(24));
        outcomes[^1].StopReason.ShouldBe(StopReason.SharpPain);
        outcomes[0].Exercises[0].Sensations.ShouldBe(new SensationCounts(0, 1, 0, 0, 0));

        var since = await History.OutcomesAsync(_maya, T0.AddDays(20).UtcDateTime, cancellationToken: Ct);
        since.Select(o => o.SessionId).ShouldBe(_mayaSessions.Skip(20).Take(4));

        (await History.OutcomesAsync(_omar, cancellationToken: Ct)).Select(o => o.SessionId).ShouldBe(_omarSessions);
    }

    [Fact]
    public async Task The_session_list_pages_newest_first_twenty_at_a_time_with_sets_done_and_stops()
    {
        var first = await History.PageAsync(_maya, 1, cancellationToken: Ct);
        var second = await History.PageAsync(_maya, 2, cancellationToken: Ct);

        first.TotalCount.ShouldBe(25);
        first.TotalPages.ShouldBe(2);
        first.Items.Count.ShouldBe(20);
        second.Items.Count.ShouldBe(5);
        first.Items.Concat(second.Items).Select(i => i.Id).ShouldBe(Enumerable.Reverse(_mayaSessions));
        first.HasNext.ShouldBeTrue();
        second.HasPrevious.ShouldBeTrue();
        second.HasNext.ShouldBeFalse();

        var open = first.Items[0];
        open.Status.ShouldBe("InProgress");
        open.EndedUtc.ShouldBeNull();
        open.SetsDone.ShouldBe(1);
        var stopped = first.Items[1];
        stopped.StoppedForSafety.ShouldBeTrue();
        stopped.StopReason.ShouldBe(StopReason.SharpPain);
        stopped.SetsDone.ShouldBe(2);
        second.Items[^1].SetsDone.ShouldBe(1);
        second.Items[^1].Status.ShouldBe(nameof(SessionPhase.Abandoned));
        second.Items[^1].StoppedForSafety.ShouldBeFalse();

        (await History.PageAsync(_maya, 99, cancellationToken: Ct)).Page.ShouldBe(2, "a page past the end shows the last page");
        (await History.PageAsync(_maya, -3, cancellationToken: Ct)).Page.ShouldBe(1);
    }

    [Fact]
    public async Task A_member_never_gets_another_members_sessions_from_any_query()
    {
        var mayaPages = (await History.PageAsync(_maya, 1, cancellationToken: Ct)).Items.Concat((await History.PageAsync(_maya, 2, cancellationToken: Ct)).Items).Select(i => i.Id).ToList();
        mayaPages.ShouldNotContain(id => _omarSessions.Contains(id));
        (await History.OutcomesAsync(_maya, cancellationToken: Ct)).ShouldNotContain(o => _omarSessions.Contains(o.SessionId));

        var omarPage = await History.PageAsync(_omar, 1, cancellationToken: Ct);
        omarPage.TotalCount.ShouldBe(3);
        omarPage.Items.Select(i => i.Id).ShouldBe(Enumerable.Reverse(_omarSessions));

        foreach (var omars in _omarSessions)
        {
            (await History.DetailAsync(_maya, omars, cancellationToken: Ct)).ShouldBeNull("Maya asking for Omar's session finds nothing");
        }

        (await History.DetailAsync(_maya, Guid.NewGuid(), cancellationToken: Ct)).ShouldBeNull();
        (await History.DetailAsync("", _omarSessions[0], cancellationToken: Ct)).ShouldBeNull();
        (await History.PageAsync("someone-else", 1, cancellationToken: Ct)).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_sessions_detail_is_its_replayed_log_and_the_advice_given_when_it_ended()
    {
        var detail = (await History.DetailAsync(_maya, _mayaSessions[^2], cancellationToken: Ct)).ShouldNotBeNull();

        detail.State.MemberId.ShouldBe(_maya);
        detail.State.Phase.ShouldBe(SessionPhase.StoppedForSafety);
        detail.State.Stopped!.Reason.ShouldBe(StopReason.SharpPain);
        detail.State.CompletedSets.Count.ShouldBe(2);
        detail.State.CheckIns.Count.ShouldBe(2);
        detail.Events.Count.ShouldBe(detail.State.Version);
        detail.Advice.ShouldBe(["Bridge: one step easier next time, after the stop (S7)."]);

        var omars = (await History.DetailAsync(_omar, _omarSessions[0], cancellationToken: Ct)).ShouldNotBeNull();
        omars.Advice.ShouldBe(["Omar's own advice."]);
        (await History.DetailAsync(_maya, _mayaSessions[0], cancellationToken: Ct)).ShouldNotBeNull().Advice.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/progress")]
    [InlineData("/history")]
    [InlineData("/history/0b7a2f43-6d0e-4c2b-9a55-1f6c3e8d9a10")]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_progress_and_history(string path)
    {
        using var client = app.CreateFormClient();

        using var response = await client.GetAsync(path);

        response.ShouldRedirect().ShouldBe($"/account/login?ReturnUrl={Uri.EscapeDataString(path)}");
    }
}
