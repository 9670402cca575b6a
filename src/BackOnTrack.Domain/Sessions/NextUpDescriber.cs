using BackOnTrack.Domain.Library;

namespace BackOnTrack.Domain.Sessions;

/// <summary>Describes what comes next in a session, for the UI's "next up" line.</summary>
internal static class NextUpDescriber
{
    public static NextUp? Describe(SessionState state) => state.Phase switch
    {
        SessionPhase.ReadinessCheck => new NextUp(NextUpKind.Readiness, "How is your back today?", null),
        SessionPhase.WarmUp or SessionPhase.CoolDown => AfterCurrentStretch(state),
        SessionPhase.Briefing => FirstSet(state),
        SessionPhase.SetInProgress or SessionPhase.CheckIn => state.SetNumber < state.TotalSets
            ? new NextUp(NextUpKind.Rest, "Rest", $"then set {state.SetNumber + 1} of {state.TotalSets}")
            : AfterExercise(state, state.ExerciseIndex + 1),
        SessionPhase.Rest => new NextUp(NextUpKind.Set, $"Set {state.SetNumber + 1} of {state.TotalSets}", Dose(state.ActiveVariation!)),
        SessionPhase.TightnessPause => new NextUp(NextUpKind.Choice, "Easier variation or skip", state.TightnessOffer?.Stretch?.Name),
        SessionPhase.Summary => new NextUp(NextUpKind.Summary, "Rate your session", null),
        _ => null,
    };

    private static NextUp FirstSet(SessionState state) =>
        new(NextUpKind.Set, $"{state.ActiveVariation!.Name}: set 1 of {state.TotalSets}", Dose(state.ActiveVariation));

    private static NextUp AfterCurrentStretch(SessionState state)
    {
        var part = state.StretchPart!.Value;
        var list = state.StretchList(part);
        if (!state.StretchInProgress && state.CurrentStretch is { } current)
        {
            return StretchLine(current, state.Side);
        }

        if (state.Side == StretchSide.Left && state.CurrentStretch is { } same)
        {
            return StretchLine(same, StretchSide.Right);
        }

        var nextIndex = state.StretchIndex + 1;
        if (nextIndex < list.Count)
        {
            return StretchLine(list[nextIndex], list[nextIndex].PerSide ? StretchSide.Left : StretchSide.Both);
        }

        return part == StretchPart.WarmUp
            ? AfterExercise(state, 0)
            : new NextUp(NextUpKind.Summary, "Session summary", null);
    }

    private static NextUp AfterExercise(SessionState state, int fromIndex)
    {
        if (state.NextExerciseIndex(fromIndex) is { } index)
        {
            var exercise = state.Plan.Exercises[index];
            return new NextUp(NextUpKind.Exercise, exercise.Name, exercise.Variation.Name);
        }

        return state.Plan.CoolDown.Count > 0
            ? new NextUp(NextUpKind.CoolDown, "Cool-down stretches", state.Plan.CoolDown[0].Name)
            : new NextUp(NextUpKind.Summary, "Session summary", null);
    }

    private static NextUp StretchLine(PlannedStretch stretch, StretchSide side) =>
        new(NextUpKind.Stretch, stretch.Name,
            side == StretchSide.Both
                ? $"hold {SessionEngine.Seconds(stretch.HoldSeconds)}"
                : $"{side} side, hold {SessionEngine.Seconds(stretch.HoldSeconds)}");

    private static string Dose(PlannedVariation variation)
    {
        var amount = variation.Kind == VariationKind.Reps
            ? $"{variation.Amount} reps{(variation.PerSide ? " each side" : "")}"
            : $"hold {SessionEngine.Seconds(variation.Amount)}";
        return variation.LoadKg is { } kg ? $"{amount} with {kg} kg" : amount;
    }
}
