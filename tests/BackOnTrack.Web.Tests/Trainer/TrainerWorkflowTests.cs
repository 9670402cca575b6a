using System.Net;
using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Members;
using BackOnTrack.Data.Trainers;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Web.Session;
using BackOnTrack.Web.Trainer;
using BackOnTrack.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackOnTrack.Web.Tests.Trainer;

/// <summary>
/// The trainer's actions through the real app: every read of a client's log is audited, plan changes
/// reach the member's next session and are recorded with who and why, a red-flag clearance unblocks training.
/// </summary>
public sealed class TrainerWorkflowTests(TrainerApp app) : IClassFixture<TrainerApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ExerciseLibrary Library => app.Services.GetRequiredService<ExerciseLibrary>();

    private MemberStore Members => app.Services.GetRequiredService<MemberStore>();

    private TrainerPlanChanges PlanChanges => app.Services.GetRequiredService<TrainerPlanChanges>();

    private async Task<IReadOnlyList<ClientLogRead>> ReadsAsync(string memberId) => await app.Trainers.ReadsAsync(memberId, cancellationToken: Cancel);

    /// <summary>A member linked to the fixture's trainer, onboarded with plates and kettlebells, screened clear.</summary>
    private async Task<string> OnboardedClientAsync()
    {
        var id = (await app.CreateAccountAsync($"client-{Guid.NewGuid():N}@trainer-tests.example", TrainerApp.Password, Roles.Member, "Paula Plan")).Id;
        var equipment = new EquipmentOwned(Bench: false, KettlebellsKg: [8m, 12m], PlatesKg: [2.5m, 5m], BandOrAnkleWeight: false);
        var monthAgo = DateTimeOffset.UtcNow.AddDays(-30);
        await Members.SaveOnboardingAsync(id, "A stronger back", MemberPlan.Starter(Library, equipment, monthAgo), monthAgo.UtcDateTime, Cancel);
        await Members.RecordScreeningAsync(id, RedFlagScreen.AllNo(), monthAgo.UtcDateTime, Cancel);
        await app.Trainers.AssignAsync(app.LinkedTrainerId, id, "test", DateTime.UtcNow, Cancel);
        return id;
    }

    [Fact]
    public async Task The_csv_export_is_audited_and_holds_every_set_check_in_and_stop()
    {
        using var trainer = await app.ClientForAsync(Who.LinkedTrainer);
        var before = (await ReadsAsync(app.ClientId)).Count;

        using var response = await trainer.GetAsync($"/trainer/clients/{app.ClientId}/log.csv");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/csv");
        var all = (await response.Content.ReadAsStringAsync(Cancel)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        all[0].TrimEnd('\r').ShouldBe(string.Join(',', ClientLogStore.CsvColumns));
        var lines = all.Skip(1).ToList();
        lines.Count(l => l.Contains(",set,", StringComparison.Ordinal)).ShouldBe(6, "4 sets in the first session, 2 in the second");
        lines.Where(l => l.Contains(",set,", StringComparison.Ordinal)).ShouldAllBe(l => l.Contains(",MuscleBurn,2,Good,", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains(",stop,", StringComparison.Ordinal) && l.Contains("SpineFelt", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains(",stretch,", StringComparison.Ordinal));

        var reads = await ReadsAsync(app.ClientId);
        reads.Count.ShouldBe(before + 1);
        reads[0].ShouldBe(new ClientLogRead(app.LinkedTrainerId, app.ClientId, reads[0].ReadUtc, ClientReads.CsvExport));
    }

    [Fact]
    public async Task The_printable_report_is_audited_and_names_the_client()
    {
        using var admin = await app.ClientForAsync(Who.Admin);
        var adminId = (await app.FindAccountAsync(AppFactory.AdminEmail))!.Id;

        var page = await admin.GetPageAsync($"/trainer/clients/{app.ClientId}/report");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("h1")?.TextContent.ShouldBe("Training report: Cleo Client", page.Html);
        page.Document.QuerySelectorAll("[data-testid=report-sessions] tbody tr").Length.ShouldBe(2);
        page.Text.ShouldContain("Stopped: felt in the spine");
        var latest = (await ReadsAsync(app.ClientId))[0];
        (latest.ReaderId, latest.What).ShouldBe((adminId, ClientReads.Report));
    }

    [Fact]
    public async Task Refused_reads_leave_no_audit_row_and_every_allowed_page_read_leaves_one()
    {
        var access = app.Services.GetRequiredService<ClientAccess>();
        var before = (await ReadsAsync(app.ClientId)).Count;
        using var unlinked = await app.ClientForAsync(Who.UnlinkedTrainer);
        using (var refused = await unlinked.GetAsync($"/trainer/clients/{app.ClientId}/log.csv"))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await ReadsAsync(app.ClientId)).Count.ShouldBe(before);

        var trainer = Principal(app.LinkedTrainerId, Roles.Trainer);
        (await access.OpenAsync(trainer, app.ClientId, ClientReads.ClientLog, Cancel)).ShouldBeTrue();
        (await access.OpenAsync(trainer, app.ClientId, ClientReads.SessionDetail, Cancel)).ShouldBeTrue();
        (await access.OpenAsync(Principal("someone-else", Roles.Trainer), app.ClientId, ClientReads.ClientLog, Cancel)).ShouldBeFalse();

        var reads = await ReadsAsync(app.ClientId);
        reads.Take(2).Select(r => (r.ReaderId, r.What)).ShouldBe([(app.LinkedTrainerId, ClientReads.SessionDetail), (app.LinkedTrainerId, ClientReads.ClientLog)]);
        reads.Count.ShouldBe(before + 2);
    }

    [Fact]
    public async Task A_level_and_load_change_reaches_the_next_session_and_is_recorded_with_who_and_why()
    {
        var memberId = await OnboardedClientAsync();
        var form = new PlanChangeForm { Kind = PlanChangeKind.Level, ExerciseId = "bridge", VariationId = "bridge-weighted", Load = "2.5", Reason = "Strong and steady in the gym: try the plate." };

        var result = await PlanChanges.ApplyAsync(app.LinkedTrainerId, memberId, form, Cancel);

        result.Changed.ShouldBeTrue(result.Message);
        var plan = (await Members.FindAsync(memberId, Cancel))!.Plan;
        var next = SessionPlanner.ForTraining(plan, Library).Exercises.Single(e => e.ExerciseId == "bridge").Variation;
        (next.VariationId, next.LoadKg, next.Sets, next.Amount).ShouldBe(("bridge-weighted", 2.5m, 3, 10));

        var launched = await app.Services.GetRequiredService<SessionLauncher>().StartAsync(memberId, SessionKind.Training, SessionDevices.Home, Cancel);
        launched.Status.ShouldBe(LaunchStatus.Started);
        var started = (await app.Services.GetRequiredService<Data.Sessions.SessionStore>().LoadAsync(launched.SessionId!.Value, Cancel))!.Events[0].ShouldBeOfType<SessionStarted>();
        started.Plan.Exercises.Single(e => e.ExerciseId == "bridge").Variation.VariationId.ShouldBe("bridge-weighted");

        var change = (await app.Trainers.PlanChangesAsync(memberId, unseenOnly: true, cancellationToken: Cancel)).ShouldHaveSingleItem();
        (change.ChangedByUserId, change.ChangedByName, change.Kind, change.ExerciseId).ShouldBe((app.LinkedTrainerId, "Tara Trainer", "Level", "bridge"));
        change.Before.ShouldBe("Bridge Hold (3 × 20 s, bodyweight)");
        change.After.ShouldBe("Weighted Bridge (3 × 10 reps, 2.5 kg)");
        change.Reason.ShouldBe("Strong and steady in the gym: try the plate.");

        (await app.Trainers.MarkPlanChangesSeenAsync(memberId, DateTime.UtcNow, Cancel)).ShouldBe(1);
        (await app.Trainers.PlanChangesAsync(memberId, unseenOnly: true, cancellationToken: Cancel)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("bridge", "superman-full", "", "Choose a variation from the Bridge ladder.")]
    [InlineData("bridge", "bridge-weighted", "4", "Choose one of the member's own sizes: 2.5 kg, 5 kg.")]
    [InlineData("bridge", "bridge-weighted", "", "Choose one of the member's own sizes: 2.5 kg, 5 kg.")]
    [InlineData("bridge", "bridge-march", "5", "Marching Bridge is done with bodyweight: leave the load empty.")]
    [InlineData("no-such-exercise", "bridge-march", "", "Choose one of the exercises in the member's plan.")]
    public async Task A_change_outside_the_ladder_or_the_members_equipment_is_refused_and_changes_nothing(string exerciseId, string variationId, string load, string message)
    {
        var memberId = await OnboardedClientAsync();
        var before = (await Members.FindAsync(memberId, Cancel))!.Plan;

        var result = await PlanChanges.ApplyAsync(app.LinkedTrainerId, memberId,
            new PlanChangeForm { Kind = PlanChangeKind.Level, ExerciseId = exerciseId, VariationId = variationId, Load = load, Reason = "why not" }, Cancel);

        result.Changed.ShouldBeFalse();
        result.Message.ShouldBe(message);
        (await Members.FindAsync(memberId, Cancel))!.Plan.Exercises.ShouldBe(before.Exercises);
        (await app.Trainers.PlanChangesAsync(memberId, cancellationToken: Cancel)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_change_without_a_reason_is_refused()
    {
        var memberId = await OnboardedClientAsync();

        var result = await PlanChanges.ApplyAsync(app.LinkedTrainerId, memberId, new PlanChangeForm { Kind = PlanChangeKind.TrainingDays, TrainingDaysPerWeek = 4, Reason = "  " }, Cancel);

        result.Changed.ShouldBeFalse();
        result.Errors.ShouldNotBeNull().Keys.ShouldBe([nameof(PlanChangeForm.Reason)]);
        (await Members.FindAsync(memberId, Cancel))!.Plan.TrainingDaysPerWeek.ShouldBe(3);
    }

    [Fact]
    public async Task Training_days_and_a_progression_hold_are_saved_and_recorded()
    {
        var memberId = await OnboardedClientAsync();

        (await PlanChanges.ApplyAsync(app.LinkedTrainerId, memberId, new PlanChangeForm { Kind = PlanChangeKind.TrainingDays, TrainingDaysPerWeek = 2, Reason = "Busy month" }, Cancel)).Changed.ShouldBeTrue();
        (await PlanChanges.ApplyAsync(app.LinkedTrainerId, memberId, new PlanChangeForm { Kind = PlanChangeKind.HoldProgression, ExerciseId = "superman", Hold = true, Reason = "Let the back settle" }, Cancel)).Changed.ShouldBeTrue();

        var plan = (await Members.FindAsync(memberId, Cancel))!.Plan;
        plan.TrainingDaysPerWeek.ShouldBe(2);
        plan.Find("superman")!.ProgressionHeld.ShouldBeTrue();
        (await app.Trainers.PlanChangesAsync(memberId, cancellationToken: Cancel)).Select(c => (c.Kind, c.After, c.Reason))
            .ShouldBe([("HoldProgression", "steps up on hold", "Let the back settle"), ("TrainingDays", "2 training days a week", "Busy month")]);
    }

    [Fact]
    public async Task S1_a_waived_warm_up_is_logged_and_used_once_in_the_next_session()
    {
        var memberId = await OnboardedClientAsync();

        var result = await PlanChanges.ApplyAsync(app.LinkedTrainerId, memberId, new PlanChangeForm { Kind = PlanChangeKind.WarmUpWaiver, Reason = "Warmed up in the class before" }, Cancel);

        result.Changed.ShouldBeTrue();
        var waiver = (await app.Trainers.WarmUpWaiverAsync(memberId, Cancel)).ShouldNotBeNull();
        (waiver.TrainerId, waiver.TrainerName, waiver.Note).ShouldBe((app.LinkedTrainerId, "Tara Trainer", "Warmed up in the class before"));
        (await app.Trainers.PlanChangesAsync(memberId, cancellationToken: Cancel)).ShouldHaveSingleItem().Kind.ShouldBe("WarmUpWaiver");

        // The player sends the waiver as the trainer's command; the engine skips the warm-up and logs who and why.
        var launched = await app.Services.GetRequiredService<SessionLauncher>().StartAsync(memberId, SessionKind.Training, SessionDevices.Home, Cancel);
        await using var scope = app.Services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<SessionRunner>();
        (await runner.LoadAsync(launched.SessionId!.Value, memberId, Cancel)).ShouldBeTrue();
        (await runner.SendAsync(new AnswerReadiness(BackFeeling.Good, AnythingNew: false), runner.State!.Version, Cancel)).Status.ShouldBe(CommandStatus.Accepted);
        (await runner.SendAsync(new WaiveWarmUp(waiver.TrainerId, waiver.Note), runner.State!.Version, Cancel)).Status.ShouldBe(CommandStatus.Accepted);
        runner.State!.WarmUpWaiver.ShouldBe(new WarmUpWaiver(app.LinkedTrainerId, "Warmed up in the class before", runner.State.WarmUpWaiver!.At));
        runner.State.Phase.ShouldBe(SessionPhase.Briefing);
    }

    [Fact]
    public async Task S8_clearing_a_red_flag_records_who_when_and_why_and_lets_the_member_train_again()
    {
        var memberId = await OnboardedClientAsync();
        var answers = RedFlagScreen.AllNo().Select(a => a with { Yes = a.QuestionId == RedFlagScreen.SevereNightPain }).ToList();
        await Members.RecordScreeningAsync(memberId, answers, DateTime.UtcNow.AddMinutes(-5), Cancel);
        var launcher = app.Services.GetRequiredService<SessionLauncher>();
        (await launcher.StartAsync(memberId, SessionKind.Training, SessionDevices.Home, Cancel)).Status.ShouldBe(LaunchStatus.Blocked);

        (await app.Trainers.ClearRedFlagAsync(memberId, app.LinkedTrainerId, "Seen by GP, cleared to train", DateTime.UtcNow, Cancel)).ShouldBeTrue();
        (await app.Trainers.ClearRedFlagAsync(memberId, app.LinkedTrainerId, "again", DateTime.UtcNow, Cancel)).ShouldBeFalse("nothing left to clear");

        var screening = await Members.ScreeningAsync(memberId, Cancel);
        screening.Clearance.ShouldNotBeNull();
        (screening.Clearance.TrainerId, screening.Clearance.Note).ShouldBe((app.LinkedTrainerId, "Seen by GP, cleared to train"));
        screening.HasUnclearedRedFlag.ShouldBeFalse();
        (await launcher.StartAsync(memberId, SessionKind.Training, SessionDevices.Home, Cancel)).Status.ShouldBe(LaunchStatus.Started);
    }

    private static System.Security.Claims.ClaimsPrincipal Principal(string userId, string role) =>
        new(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, userId), new(System.Security.Claims.ClaimTypes.Role, role)], "Test"));
}
