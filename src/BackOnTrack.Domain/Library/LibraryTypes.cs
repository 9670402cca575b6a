namespace BackOnTrack.Domain.Library;

/// <summary>Whether a variation is counted in repetitions or held for a time.</summary>
public enum VariationKind
{
    Reps,
    Hold,
}

/// <summary>Equipment a variation needs. A variation needing none lists no equipment.</summary>
public enum EquipmentKind
{
    None,
    Bench,
    Kettlebell,
    Plate,
    BandOrAnkleWeight,
}

/// <summary>How to set up, move and breathe. Each list holds short, plain sentences.</summary>
public sealed record Cues(
    IReadOnlyList<string> Setup,
    IReadOnlyList<string> Movement,
    IReadOnlyList<string> Breathing)
{
    public bool IsComplete =>
        HasText(Setup) && HasText(Movement) && HasText(Breathing);

    private static bool HasText(IReadOnlyList<string>? lines) =>
        lines is { Count: > 0 } && lines.All(line => !string.IsNullOrWhiteSpace(line));
}

/// <summary>
/// The default dose of a variation. <see cref="Reps"/>/<see cref="MaxReps"/> are used for
/// <see cref="VariationKind.Reps"/>, <see cref="HoldSeconds"/>/<see cref="MaxHoldSeconds"/> for
/// <see cref="VariationKind.Hold"/>. The max values are where progression moves on to the next rung.
/// <see cref="StartLoadKg"/> is null for bodyweight, otherwise a deliberately light starting load.
/// <see cref="PerSide"/> means the reps are counted for each side.
/// </summary>
public sealed record Dosage(
    int Sets,
    int? Reps,
    int? HoldSeconds,
    int RestSeconds,
    decimal? StartLoadKg = null,
    int? MaxReps = null,
    int? MaxHoldSeconds = null,
    bool PerSide = false);

/// <summary>A gentle lower-back stretch.</summary>
public sealed record Stretch(
    string Id,
    string Name,
    string Summary,
    int HoldSeconds,
    bool PerSide,
    bool LyingOnBack,
    Cues Cues,
    IReadOnlyList<string> CommonMistakes,
    IReadOnlyList<string> FeelItIn);

/// <summary>One rung of an exercise's ladder.</summary>
public sealed record Variation(
    string Id,
    string Name,
    int Rung,
    VariationKind Kind,
    Dosage Dosage,
    IReadOnlyList<EquipmentKind> Equipment,
    Cues Cues,
    IReadOnlyList<string> CommonMistakes,
    IReadOnlyList<string> FeelItIn)
{
    /// <summary>True when the variation is loaded in kilograms (kettlebell or plate).</summary>
    public bool IsWeighted => Dosage.StartLoadKg is not null;

    /// <summary>The equipment whose sizes set the load (kettlebell or plate), or None.</summary>
    public EquipmentKind LoadEquipment =>
        Equipment.Contains(EquipmentKind.Kettlebell) ? EquipmentKind.Kettlebell
        : Equipment.Contains(EquipmentKind.Plate) ? EquipmentKind.Plate
        : EquipmentKind.None;

    /// <summary>The default reps (Reps kind) or seconds (Hold kind).</summary>
    public int DefaultAmount => Kind == VariationKind.Reps ? Dosage.Reps ?? 0 : Dosage.HoldSeconds ?? 0;

    /// <summary>The most reps or seconds before the next rung.</summary>
    public int MaxAmount => Kind == VariationKind.Reps
        ? Dosage.MaxReps ?? DefaultAmount
        : Dosage.MaxHoldSeconds ?? DefaultAmount;
}

/// <summary>
/// One of the five strengthening exercises with its ladder of variations, easiest first.
/// Easier and harder neighbours follow from ladder order.
/// </summary>
public sealed record Exercise(
    string Id,
    string Name,
    string Purpose,
    IReadOnlyList<Variation> Ladder)
{
    public Variation Easiest => Ladder[0];

    public Variation? FindVariation(string variationId) =>
        Ladder.FirstOrDefault(v => v.Id == variationId);

    public int IndexOf(string variationId)
    {
        for (var i = 0; i < Ladder.Count; i++)
        {
            if (Ladder[i].Id == variationId)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The next easier rung, or null at the bottom (or for an unknown id).</summary>
    public Variation? EasierThan(string variationId)
    {
        var index = IndexOf(variationId);
        return index > 0 ? Ladder[index - 1] : null;
    }

    /// <summary>The next harder rung, or null at the top (or for an unknown id).</summary>
    public Variation? HarderThan(string variationId)
    {
        var index = IndexOf(variationId);
        return index >= 0 && index < Ladder.Count - 1 ? Ladder[index + 1] : null;
    }
}

/// <summary>What kind of problem <see cref="ExerciseLibrary.Validate"/> found.</summary>
public enum LibraryProblemKind
{
    MissingVersion,
    MissingIdOrName,
    DuplicateId,
    TooFewVariations,
    LadderOutOfOrder,
    MissingCues,
    MissingCommonMistakes,
    MissingDosage,
    MissingFeelItIn,
    FeelItInMentionsSpine,
    StartingLoadTooHeavy,
    LoadWithoutEquipment,
    UnknownStretchReference,
    NoLyingOnBackStretches,
}

/// <summary>One problem in a library: what, where (an id) and a plain explanation.</summary>
public sealed record LibraryProblem(LibraryProblemKind Kind, string ItemId, string Message);
