using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Sessions;

namespace BackOnTrack.Web.Session;

/// <summary>About how long a plan takes, for "about 25 minutes" on the home page.</summary>
public static class SessionEstimate
{
    private const int SecondsPerRep = 3;
    private const int BriefingSeconds = 45;
    private const int CheckInSeconds = 10;

    public static int Minutes(SessionPlan plan)
    {
        var stretches = plan.WarmUp.Concat(plan.CoolDown)
            .Sum(s => (s.HoldSeconds + plan.GetReadySeconds) * (s.PerSide ? 2 : 1));
        var exercises = plan.Exercises.Sum(e =>
        {
            var v = e.Variation;
            var work = v.Kind == VariationKind.Hold ? v.Amount : v.Amount * SecondsPerRep * (v.PerSide ? 2 : 1);
            return BriefingSeconds + (v.Sets * (work + plan.GetReadySeconds + CheckInSeconds)) + (Math.Max(0, v.Sets - 1) * v.RestSeconds);
        });
        return Math.Max(1, (int)Math.Round((stretches + exercises) / 60.0));
    }
}
