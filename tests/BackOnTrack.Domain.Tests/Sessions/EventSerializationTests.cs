using System.Text.Json;
using BackOnTrack.Domain.Safety;
using BackOnTrack.Domain.Sessions;
using BackOnTrack.Domain.Tests.Support;

namespace BackOnTrack.Domain.Tests.Sessions;

public class EventSerializationTests
{
    private static IEnumerable<SessionEvent> SampleEvents()
    {
        var clean = Walk.ToBriefing().CompleteAllExercisesCleanly().FinishStretches(SessionPhase.CoolDown)
            .Then(new RateSession(4, 7)).Then(new FinishSession());
        var positive = RedFlagScreen.AllNo().Select(a => a.QuestionId == RedFlagScreen.Fever ? a with { Yes = true } : a).ToList();
        var rescreen = Run.Begin().Then(new AnswerReadiness(BackFeeling.Stiff, true, 2)).Then(new AnswerRedFlagScreen(positive));
        var sore = Run.Begin().Then(new AnswerReadiness(BackFeeling.Sore, false));
        var waived = Walk.ToWarmUp().Then(new WaiveWarmUp("trainer-7", "Warm from class")).Then(new Skip("Busy"));
        var marchPlan = SessionPlanner.ForTraining(
            Build.StarterPlan(m => m.WithPrescription(m.Find("bridge")! with { VariationId = "bridge-march", Amount = 8 })),
            Build.Library, Build.ShortTimings);
        var tight = Walk.ToTightness(marchPlan).Then(new StartStretch()).Then(new FinishStretchHold())
            .Then(new ChooseAfterTightness(TightnessChoice.EasierVariation));
        var evening = Walk.ToWarmUp(Build.EveningPlan()).Then(new Skip("Knee"));
        var paused = Walk.ToRest().Then(new Pause()).Then(new Resume()).Then(new Stop(Sensation.SharpPain, 7, "Twinge"));
        var abandoned = Walk.ToAbandoned();
        return new[] { clean, rescreen, sore, waived, tight, evening, paused, abandoned }.SelectMany(r => r.Log);
    }

    [Fact]
    public void Every_event_type_round_trips_through_System_Text_Json_with_default_options()
    {
        var eventTypes = typeof(SessionEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(SessionEvent)) && !t.IsAbstract)
            .ToList();
        var samples = SampleEvents().ToList();
        eventTypes.Except(samples.Select(e => e.GetType()).Distinct()).ShouldBeEmpty("every event type needs a sample");

        foreach (var sample in samples)
        {
            var json = JsonSerializer.Serialize(sample, sample.GetType());
            var back = (SessionEvent)JsonSerializer.Deserialize(json, sample.GetType())!;
            back.ShouldBe(sample, json);
            JsonSerializer.Serialize(back, back.GetType()).ShouldBe(json);
        }
    }

    [Fact]
    public void A_log_replayed_after_a_round_trip_gives_the_same_state()
    {
        var run = Walk.ToRest().Then(new Pause(), 5).Then(new Resume(), 30);
        var reloaded = run.Log
            .Select(e => (SessionEvent)JsonSerializer.Deserialize(JsonSerializer.Serialize(e, e.GetType()), e.GetType())!)
            .ToList();
        SessionEngine.Replay(reloaded).ShouldBe(run.State);
    }

    [Fact]
    public void Events_hold_no_polymorphic_properties()
    {
        var eventTypes = typeof(SessionEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(SessionEvent)) && !t.IsAbstract);
        foreach (var property in eventTypes.SelectMany(t => t.GetProperties()))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            (type.IsAbstract && !type.IsInterface).ShouldBeFalse($"{property.DeclaringType!.Name}.{property.Name}");
        }
    }
}
