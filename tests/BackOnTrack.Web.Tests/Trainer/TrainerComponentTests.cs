using BackOnTrack.Data.Trainers;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Domain.Trainer;
using BackOnTrack.Web.Account;
using BackOnTrack.Web.Session;
using BackOnTrack.Web.Trainer;
using Bunit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace BackOnTrack.Web.Tests.Trainer;

/// <summary>The trainer workspace's leaf components alone, from parameters and callbacks.</summary>
public sealed class TrainerComponentTests : BunitContext
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public TrainerComponentTests()
    {
        Services.AddValidatorsFromAssemblyContaining<SignInFormValidator>(ServiceLifetime.Singleton);
    }

    private static TriageItem Item(TriageKind kind, string name, int daysAgo, Guid? session = null) =>
        new("id-" + name, name, kind, $"{kind}:{name}", $"{kind} reason", Now.AddDays(-daysAgo), session);

    [Fact]
    public void The_triage_list_shows_each_row_in_order_with_why_and_since_when_and_links_to_the_session()
    {
        var session = Guid.NewGuid();
        var list = Render<TriageList>(p => p
            .Add(x => x.Items, [Item(TriageKind.RedFlag, "Sam", 1), Item(TriageKind.SpineStop, "Jon", 3, session), Item(TriageKind.ReadyToStepUp, "Maya", 0)])
            .Add(x => x.Now, Now));

        var rows = list.FindAll("li.triage-item");
        rows.Select(r => r.GetAttribute("data-kind")).ShouldBe(["RedFlag", "SpineStop", "ReadyToStepUp"]);
        rows[0].TextContent.ShouldContain("Red flag");
        rows[0].TextContent.ShouldContain("since yesterday (9 Mar)");
        rows[1].TextContent.ShouldContain("SpineStop reason");
        rows[1].TextContent.ShouldContain("3 days ago (7 Mar)");
        rows[1].QuerySelector($"a[href='/trainer/clients/id-Jon/sessions/{session}']").ShouldNotBeNull();
        rows[0].QuerySelector("[data-testid=open-flag]")!.TextContent.Trim().ShouldBe("Clear red flag…");
        rows[2].QuerySelector("[data-testid=open-flag]")!.TextContent.Trim().ShouldBe("Mark handled…");
        rows[0].ClassList.ShouldContain("tone-danger");
    }

    [Fact]
    public void Marking_a_flag_handled_needs_a_note_and_sends_it_with_the_row()
    {
        TriageAction? handled = null;
        var item = Item(TriageKind.WorseNextDay, "Priya", 2);
        var list = Render<TriageList>(p => p.Add(x => x.Items, [item]).Add(x => x.Now, Now).Add(x => x.OnMarkHandled, (TriageAction a) => handled = a));

        list.Find("[data-testid=open-flag]").Click();
        list.Find("form").Submit();
        list.Find(".validation-message").TextContent.ShouldStartWith("Say what was done");
        handled.ShouldBeNull();

        list.Find("input").Change("Called: a long drive, not the training");
        list.Find("form").Submit();

        handled.ShouldBe(new TriageAction(item, "Called: a long drive, not the training"));
    }

    [Fact]
    public void Clearing_a_red_flag_goes_to_its_own_callback()
    {
        TriageAction? cleared = null;
        var handled = 0;
        var list = Render<TriageList>(p => p.Add(x => x.Items, [Item(TriageKind.RedFlag, "Sam", 1)]).Add(x => x.Now, Now)
            .Add(x => x.OnClearRedFlag, (TriageAction a) => cleared = a).Add(x => x.OnMarkHandled, (TriageAction _) => handled++));

        list.Find("[data-testid=open-flag]").Click();
        list.Find("input").Change("Seen by GP, cleared to train");
        list.Find("form").Submit();

        cleared.ShouldNotBeNull().Note.ShouldBe("Seen by GP, cleared to train");
        handled.ShouldBe(0);
    }

    [Fact]
    public void An_empty_queue_says_so()
    {
        Render<TriageList>(p => p.Add(x => x.Items, [])).Find("[data-testid=triage-empty]").ShouldNotBeNull();
    }

    [Fact]
    public void The_floor_view_shows_alerts_with_acknowledge_and_the_sessions_under_way()
    {
        FloorAlert? acknowledged = null;
        var spine = new FloorAlert(Guid.NewGuid(), FloorAlertKind.SpineFelt, "m1", "Jon", Guid.NewGuid(), null, "Home", Now.UtcDateTime.AddMinutes(-5), null, null);
        var call = new FloorAlert(Guid.NewGuid(), FloorAlertKind.CallTrainer, null, null, null, Guid.NewGuid(), "Gym floor tablet", Now.UtcDateTime.AddMinutes(-1), null, null);
        var live = new LiveSession(Guid.NewGuid(), "m2", "Maya", "Training", "Kiosk", Now.UtcDateTime.AddMinutes(-20), Now.UtcDateTime.AddMinutes(-1), 40);
        var floor = Render<FloorView>(p => p.Add(x => x.Alerts, [spine, call]).Add(x => x.Live, [live]).Add(x => x.Now, Now)
            .Add(x => x.OnAcknowledge, (FloorAlert a) => acknowledged = a));

        var alerts = floor.FindAll("[data-testid=floor-alert]");
        alerts[0].TextContent.ShouldContain("Jon felt something in the spine and stopped");
        alerts[0].TextContent.ShouldContain("5 min ago");
        alerts[0].QuerySelector($"a[href='/trainer/clients/m1/sessions/{spine.SessionId}']").ShouldNotBeNull();
        alerts[1].TextContent.ShouldContain("Someone is calling a trainer");
        alerts[1].TextContent.ShouldContain("Gym floor tablet");
        floor.Find("[data-testid=floor-alerts]").GetAttribute("role").ShouldBe("alert");
        floor.Find("[data-testid=live-sessions]").TextContent.ShouldContain("Maya");
        floor.Find("[data-testid=live-sessions]").TextContent.ShouldContain("training at Kiosk");

        alerts[1].QuerySelector("[data-testid=acknowledge]")!.Click();

        acknowledged.ShouldBe(call);
    }

    [Fact]
    public void The_log_table_shows_each_exercise_with_sets_pain_check_ins_the_stop_rating_and_advice_and_pages()
    {
        var played = TrainerPlayed.Session(stopAfterSets: 4);
        var outcome = SessionOutcome.From(SessionEngine.Replay(played));
        var item = new ClientLogItem(outcome.SessionId, "Training", "StoppedForSafety", "Home", outcome.StartedAt.UtcDateTime, outcome.EndedAt?.UtcDateTime, outcome,
            ["You stopped Back Hyperextension for safety: go back one step."]);
        var pages = new List<int>();
        var table = Render<ClientLogTable>(p => p
            .Add(x => x.Page, new ClientLogPage([item], 2, 20, 45))
            .Add(x => x.MemberId, "m1")
            .Add(x => x.Library, ExerciseLibrary.BuiltIn)
            .Add(x => x.OnPage, (int n) => pages.Add(n)));

        var row = table.Find($"tr[data-session='{item.Id}']");
        row.ClassList.ShouldContain("stopped");
        row.QuerySelector($"a[href='/trainer/clients/m1/sessions/{item.Id}']").ShouldNotBeNull();
        row.QuerySelector("li[data-exercise=bridge]")!.TextContent.ShouldContain("Bridge Hold");
        row.QuerySelector("li[data-exercise=bridge]")!.TextContent.ShouldContain("3/3 sets");
        row.QuerySelector("li[data-exercise=bridge]")!.TextContent.ShouldContain("pain 2/10");
        row.QuerySelector("li[data-exercise=bridge]")!.TextContent.ShouldContain("check-ins: 3 burn");
        row.QuerySelector("li[data-exercise=back-extension]")!.TextContent.ShouldContain("STOP: felt in the spine");
        row.TextContent.ShouldContain("Stopped: felt in the spine");
        row.TextContent.ShouldContain("go back one step");
        table.Find("[data-testid=log-count]").TextContent.ShouldContain("45 sessions");

        table.Find("[data-testid=older]").Click();
        table.Find("[data-testid=newer]").Click();
        pages.ShouldBe([3, 1]);
    }

    [Fact]
    public void A_note_needs_text_and_goes_out_with_its_visibility()
    {
        NoteForm? added = null;
        var notes = Render<NotesPanel>(p => p
            .Add(x => x.Notes, [new TrainerNote(Guid.NewGuid(), "t", "Tara", "m1", null, "Older note", false, Now.UtcDateTime)])
            .Add(x => x.OnAdd, (NoteForm f) => added = f));
        notes.Find("[data-testid=note-list]").TextContent.ShouldContain("trainers only");

        notes.Find("form").Submit();
        notes.Find(".validation-message").TextContent.ShouldBe("Write the note first.");

        notes.Find("textarea").Change("Great form today");
        notes.Find("input[type=checkbox]").Change(true);
        notes.Find("form").Submit();

        added.ShouldNotBeNull();
        (added.Text, added.VisibleToMember).ShouldBe(("Great form today", true));
    }

    [Fact]
    public void The_plan_change_editor_offers_only_the_ladder_and_the_members_own_loads_and_needs_a_reason()
    {
        var plan = MemberPlan.Starter(ExerciseLibrary.BuiltIn, new EquipmentOwned(false, [8m, 12m], [5m], false), Now);
        var form = PlanChangeEditor.NewForm(plan, ExerciseLibrary.BuiltIn);
        PlanChangeForm? submitted = null;
        var editor = Render<PlanChangeEditor>(p => p.Add(x => x.Form, form).Add(x => x.OnSubmit, (PlanChangeForm f) => submitted = f));

        editor.FindAll("#change-variation option").Select(o => o.GetAttribute("value"))
            .ShouldBe(ExerciseLibrary.BuiltIn.GetExercise("bridge").Ladder.Select(v => v.Id));
        editor.Find("#change-variation").Change("bridge-weighted");
        editor.FindAll("#change-load option").Select(o => o.GetAttribute("value")).ShouldBe(["", "5"]);

        editor.Find("form").Submit();
        editor.FindAll(".validation-message").Select(m => m.TextContent).ShouldBe(["Say why: the member reads this before their next session."]);
        submitted.ShouldBeNull();

        editor.Find("#change-reason").Change("Ready for a light plate");
        editor.Find("form").Submit();
        submitted.ShouldNotBeNull();
        (submitted.VariationId, submitted.LoadKg).ShouldBe(("bridge-weighted", 5m));

        editor.Find("[data-testid=change-TrainingDays]").Click();
        editor.Find("#change-days").ShouldNotBeNull();
        editor.FindAll("#change-variation").ShouldBeEmpty();
    }

    [Fact]
    public void S1_the_warm_up_view_offers_a_trainers_waiver_and_sends_it()
    {
        var used = 0;
        var stretch = new PlannedStretch("knee-to-chest", "Knee-to-Chest", 30, true);
        var view = Render<StretchView>(p => p.Add(x => x.Planned, stretch).Add(x => x.WaiverNote, "Warmed up in class").Add(x => x.OnUseWaiver, () => used++));

        view.Find("[data-testid=warm-up-waiver]").TextContent.ShouldContain("Your trainer waived the warm-up for this session: Warmed up in class");
        view.Find("[data-testid=use-waiver]").Click();
        used.ShouldBe(1);

        Render<StretchView>(p => p.Add(x => x.Planned, stretch)).FindAll("[data-testid=warm-up-waiver]").ShouldBeEmpty();
    }
}

/// <summary>A session played through the engine for component tests: bridge done cleanly, then a spine stop in the second exercise.</summary>
internal static class TrainerPlayed
{
    public static IReadOnlyList<SessionEvent> Session(int stopAfterSets) =>
        Progress.PlayedSessions.Training(Guid.NewGuid(), "m1", new DateTimeOffset(2025, 3, 9, 8, 0, 0, TimeSpan.Zero), sets: stopAfterSets,
            end: new Stop(Domain.Safety.Sensation.SpineFelt));
}
