using System.Security.Cryptography;
using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Members;
using BackOnTrack.Data.Sessions;
using BackOnTrack.Data.Trainers;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Web.Session;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BackOnTrack.Web.Trainer;

/// <summary>
/// <c>DemoData:Enabled</c> seeds a demo trainer and linked clients with months of history. Off by default;
/// the app refuses to start with it on in the Production environment.
/// </summary>
public sealed class DemoDataOptions
{
    public const string SectionName = "DemoData";

    public bool Enabled { get; set; }
}

/// <summary>
/// Seeds the demo once: a trainer (email printed at start-up with a fresh random password every start, so a
/// newcomer can always sign in) and four linked clients whose four months of history are played through the
/// real <see cref="SessionEngine"/> and progression advisor, so every log replays: clean progress, tightness,
/// a spine stop, sharp pain, "worse" next days, a client falling off, and a positive red-flag screen.
/// </summary>
public sealed class DemoDataSeeder(
    IServiceScopeFactory scopes,
    IOptions<DemoDataOptions> options,
    SessionStore sessions,
    MemberStore members,
    TrainerStore trainers,
    ExerciseLibrary library,
    ProgressionAdvisor advisor,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger) : IHostedService
{
    public const string TrainerEmail = "demo-trainer@backontrack.demo";

    private static readonly (string Name, string Email, ClientStory Story)[] Clients =
    [
        ("Maya Demo", "maya@backontrack.demo", ClientStory.Steady),
        ("Jon Demo", "jon@backontrack.demo", ClientStory.SpineStop),
        ("Priya Demo", "priya@backontrack.demo", ClientStory.FallingOff),
        ("Sam Demo", "sam@backontrack.demo", ClientStory.RedFlag),
    ];

    private enum ClientStory
    {
        Steady,
        SpineStop,
        FallingOff,
        RedFlag,
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var password = NewPassword();
        var trainer = await users.FindByEmailAsync(TrainerEmail);
        if (trainer is not null)
        {
            // Seeded on an earlier start: only a fresh password, so the one printed below works.
            await users.RemovePasswordAsync(trainer);
            await users.AddPasswordAsync(trainer, password);
            Announce(password, seeded: false);
            return;
        }

        var now = clock.GetUtcNow();
        trainer = await CreateAsync(users, TrainerEmail, "Dana Demo-Trainer", Roles.Trainer, password, now);
        var random = new Random(20_251_124);
        foreach (var (name, email, story) in Clients)
        {
            var member = await CreateAsync(users, email, name, Roles.Member, NewPassword(), now);
            await SeedClientAsync(trainer.Id, member.Id, story, now, random, cancellationToken);
        }

        Announce(password, seeded: true);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce(string password, bool seeded) =>
        // Deliberately printed: demo mode exists so a newcomer can sign in at once. Never enabled in Production.
        logger.LogWarning("Demo data {State}. Sign in as the demo trainer: {Email} / {Password} (a new password is generated at every start)",
            seeded ? "seeded" : "already present", TrainerEmail, password);

    private static string NewPassword() =>
        "demo-" + RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789", 16);

    private static async Task<UserAccount> CreateAsync(UserManager<UserAccount> users, string email, string name, string role, string password, DateTimeOffset now)
    {
        var user = new UserAccount { UserName = email, Email = email, DisplayName = name, CreatedUtc = now.UtcDateTime, AcceptedNoticeUtc = now.UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create demo account " + email + ": " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        return user;
    }

    private async Task SeedClientAsync(string trainerId, string memberId, ClientStory story, DateTimeOffset now, Random random, CancellationToken cancellationToken)
    {
        var start = now.Date.AddDays(-120).AddHours(7);
        var startAt = new DateTimeOffset(start, TimeSpan.Zero);
        var equipment = new EquipmentOwned(Bench: story != ClientStory.FallingOff, KettlebellsKg: [8m, 12m, 16m], PlatesKg: [2.5m, 5m, 10m], BandOrAnkleWeight: true);
        var plan = MemberPlan.Starter(library, equipment, startAt);
        await members.SaveOnboardingAsync(memberId, "A stronger, calmer back", plan, startAt.UtcDateTime, cancellationToken);
        await members.RecordScreeningAsync(memberId, RedFlagScreen.AllNo(), startAt.UtcDateTime, cancellationToken);
        await trainers.AssignAsync(trainerId, memberId, trainerId, startAt.UtcDateTime, cancellationToken);

        var history = new List<SessionOutcome>();
        var checks = new List<NextDayCheck>();
        IReadOnlyList<Advice> pending = [];
        var lastTrainingDay = story == ClientStory.FallingOff ? 12 : 1;
        bool spineStopped = false, painStopped = false, feltWorse = false;
        for (var daysAgo = 119; daysAgo >= lastTrainingDay; daysAgo--)
        {
            var day = now.Date.AddDays(-daysAgo);
            var trainsToday = day.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Wednesday or DayOfWeek.Friday && random.NextDouble() > 0.12;
            if (story == ClientStory.FallingOff && daysAgo < 30)
            {
                trainsToday = trainsToday && random.NextDouble() > 0.5;
            }

            var at = new DateTimeOffset(day.AddHours(17 + random.Next(0, 3)).AddMinutes(random.Next(0, 50)), TimeSpan.Zero);
            if (!trainsToday)
            {
                if (random.NextDouble() < 0.35)
                {
                    await PlayAsync(memberId, SessionPlanner.ForEveningStretch(library), at.AddHours(3), Script.Clean(random), cancellationToken);
                }

                continue;
            }

            var script = story switch
            {
                ClientStory.SpineStop when daysAgo <= 4 && !spineStopped => Script.StopIn(2, Sensation.SpineFelt, random),
                ClientStory.SpineStop when daysAgo <= 40 && !painStopped => Script.StopIn(3, Sensation.SharpPain, random),
                ClientStory.Steady when daysAgo <= 60 && !painStopped => Script.StopIn(4, Sensation.SharpPain, random),
                ClientStory.SpineStop when daysAgo < 20 => Script.Clean(random) with { Pain = 2 + random.Next(0, 3), TightnessChance = 0.15 },
                _ when random.NextDouble() < 0.06 => Script.Clean(random) with { TightnessChance = 0.5 },
                _ => Script.Clean(random),
            };
            var ended = await PlayAsync(memberId, SessionPlanner.ForTraining(plan, library), at, script, cancellationToken);
            spineStopped |= ended.Stopped?.Reason == StopReason.SpineFelt;
            painStopped |= ended.Stopped?.Reason == StopReason.SharpPain;
            var outcome = SessionOutcome.From(ended);
            history.Add(outcome);

            // What SessionFollowUp does when a session ends: cues confirmed, steps down applied at once,
            // steps up accepted by the member (the last fortnight's wait for an answer).
            plan = PlanAdjustment.RecordConfirmedCues(plan, outcome);
            var advice = advisor.Advise(plan, history.TakeLast(60).ToList(), checks, ended.EndedAt ?? at);
            plan = PlanAdjustment.ApplyAll(plan, advice.Where(a => a.Kind == AdviceKind.StepDown));
            var stepUps = advice.Where(a => a.Kind == AdviceKind.StepUp).ToList();
            if (daysAgo > 14)
            {
                plan = PlanAdjustment.ApplyAll(plan, stepUps);
                pending = [];
            }
            else
            {
                pending = stepUps;
            }

            await sessions.SaveAdviceAsync(ended.SessionId, advice.Select(a => a.Reason).ToList(), cancellationToken);

            if (ended.Phase == SessionPhase.Completed && daysAgo > 1)
            {
                var worse = (story == ClientStory.FallingOff && daysAgo <= 20 && !feltWorse) || random.NextDouble() < 0.04;
                feltWorse |= worse;
                var feeling = worse ? NextDayFeeling.Worse : random.NextDouble() < 0.6 ? NextDayFeeling.Better : NextDayFeeling.Same;
                var answered = at.AddDays(1).AddHours(-9);
                await members.RecordNextDayCheckAsync(memberId, ended.SessionId, feeling, answered.UtcDateTime, cancellationToken);
                checks.Add(new NextDayCheck(ended.SessionId, feeling, answered));
                if (worse)
                {
                    var stepDowns = advisor.Advise(plan, history.TakeLast(60).ToList(), checks, answered).Where(a => a.Kind == AdviceKind.StepDown).ToList();
                    plan = PlanAdjustment.ApplyAll(plan, stepDowns);
                    pending = pending.Where(p => stepDowns.All(d => d.ExerciseId != p.ExerciseId)).ToList();
                }
            }
        }

        await members.SavePlanAsync(memberId, plan, pending, now.UtcDateTime, cancellationToken);
        if (story == ClientStory.RedFlag)
        {
            var answers = RedFlagScreen.AllNo().Select(a => a with { Yes = a.QuestionId == RedFlagScreen.SevereNightPain }).ToList();
            await members.RecordScreeningAsync(memberId, answers, now.AddHours(-20).UtcDateTime, cancellationToken);
        }

        logger.LogInformation("Demo client {MemberId} seeded with {Sessions} training sessions", memberId, history.Count);
    }

    /// <summary>How a demo session goes: check-in answers, pain, and an optional stop in one exercise.</summary>
    private sealed record Script(int Pain, double TightnessChance, int? StopInExercise, Sensation StopWith, Random Random)
    {
        public static Script Clean(Random random) => new(random.Next(0, 3), 0.03, null, Sensation.Nothing, random);

        public static Script StopIn(int exerciseIndex, Sensation sensation, Random random) => new(2, 0, exerciseIndex, sensation, random);
    }

    /// <summary>Plays one session through the engine as a member would, and stores its log with the header the app writes.</summary>
    private async Task<SessionState> PlayAsync(string memberId, SessionPlan plan, DateTimeOffset at, Script script, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(at);
        var events = new List<SessionEvent> { SessionEngine.Start(id, memberId, plan, at) };
        var state = SessionEngine.Replay(events);
        var now = at;
        for (var step = 0; step < 1_000 && !state.IsFinal; step++)
        {
            var command = Next(state, script);
            now = state.Deadline is { } deadline && deadline > now ? deadline.AddSeconds(1) : now.AddSeconds(12 + script.Random.Next(0, 10));
            var result = SessionEngine.Apply(state, command, now);
            if (result.Rejection is not null)
            {
                // A script that does not fit the state ends the session as a member would: by leaving it.
                result = SessionEngine.Apply(state, new Abandon("Demo: ended early"), now);
            }

            state = result.State;
            events.AddRange(result.Events);
        }

        await sessions.CreateAsync(id, memberId, SessionDevices.Home, events, SessionHeaders.For(state), cancellationToken);
        return state;
    }

    private static SessionCommand Next(SessionState state, Script script) => state.Phase switch
    {
        SessionPhase.ReadinessCheck => new AnswerReadiness(BackFeeling.Good, AnythingNew: false),
        SessionPhase.WarmUp or SessionPhase.CoolDown => state.StretchInProgress ? new FinishStretchHold() : new StartStretch(),
        SessionPhase.Briefing when !state.BriefingConfirmed => new ConfirmBriefing(CuesRead: true),
        SessionPhase.Briefing => new StartSet(),
        SessionPhase.SetInProgress when state.ActiveVariation is { Kind: VariationKind.Reps } v => new CompleteSet(v.Amount),
        SessionPhase.SetInProgress => new FinishHold(),
        SessionPhase.CheckIn when script.StopInExercise == state.ExerciseIndex => new ReportSensation(script.StopWith, 6),
        SessionPhase.CheckIn when script.Random.NextDouble() < script.TightnessChance => new ReportSensation(Sensation.Tightness, 3, FormRating.Good),
        SessionPhase.CheckIn => new ReportSensation(script.Random.NextDouble() < 0.6 ? Sensation.MuscleBurn : Sensation.Nothing, script.Pain,
            script.Random.NextDouble() < 0.08 ? FormRating.Unsure : FormRating.Good),
        SessionPhase.Rest => new SkipRest(),
        SessionPhase.TightnessPause when state.TightnessOffer is { Stretch: not null, StretchDone: false } => state.StretchInProgress ? new FinishStretchHold() : new StartStretch(),
        SessionPhase.TightnessPause => new ChooseAfterTightness(state.TightnessOffer?.EasierAvailable == true ? TightnessChoice.EasierVariation : TightnessChoice.SkipExercise),
        SessionPhase.Summary when state.Rating is null => new RateSession(4, 5 + script.Random.Next(0, 3)),
        _ => new FinishSession(),
    };
}
