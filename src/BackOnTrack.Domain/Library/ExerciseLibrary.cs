namespace BackOnTrack.Domain.Library;

/// <summary>
/// The versioned catalogue of stretches and exercises. <see cref="BuiltIn"/> is the content that ships
/// with the app; call <see cref="Validate"/> at start-up and refuse to run on any problem.
/// </summary>
public sealed partial record ExerciseLibrary(
    string Version,
    IReadOnlyList<Stretch> Stretches,
    IReadOnlyList<Exercise> Exercises,
    IReadOnlyList<string> WarmUpStretchIds,
    IReadOnlyList<string> CoolDownStretchIds,
    string TightnessStretchId)
{
    /// <summary>The heaviest starting load a weighted variation may name: starting light is a rule (S3).</summary>
    public const decimal MaxStartingLoadKg = 12m;

    /// <summary>The fewest rungs an exercise ladder may have.</summary>
    public const int MinLadderLength = 3;

    private static readonly string[] SpineWords = ["spine", "spinal", "vertebra", "backbone"];

    public Exercise? FindExercise(string exerciseId) => Exercises.FirstOrDefault(e => e.Id == exerciseId);

    public Stretch? FindStretch(string stretchId) => Stretches.FirstOrDefault(s => s.Id == stretchId);

    public Exercise GetExercise(string exerciseId) =>
        FindExercise(exerciseId) ?? throw new KeyNotFoundException($"No exercise '{exerciseId}' in library {Version}.");

    public Stretch GetStretch(string stretchId) =>
        FindStretch(stretchId) ?? throw new KeyNotFoundException($"No stretch '{stretchId}' in library {Version}.");

    /// <summary>Stretches suited to lying on the back (the evening routine, S2).</summary>
    public IReadOnlyList<Stretch> EveningStretches => Stretches.Where(s => s.LyingOnBack).ToList();

    /// <summary>Checks the content; an empty list means the library is fit to use.</summary>
    public IReadOnlyList<LibraryProblem> Validate()
    {
        var problems = new List<LibraryProblem>();
        void Add(LibraryProblemKind kind, string id, string message) => problems.Add(new LibraryProblem(kind, id, message));

        if (string.IsNullOrWhiteSpace(Version))
        {
            Add(LibraryProblemKind.MissingVersion, "", "The library has no version.");
        }

        var allIds = Stretches.Select(s => s.Id)
            .Concat(Exercises.Select(e => e.Id))
            .Concat(Exercises.SelectMany(e => e.Ladder.Select(v => v.Id)));
        foreach (var duplicate in allIds.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            Add(LibraryProblemKind.DuplicateId, duplicate.Key, $"The id '{duplicate.Key}' is used {duplicate.Count()} times.");
        }

        foreach (var stretch in Stretches)
        {
            ValidateStretch(stretch, Add);
        }

        foreach (var exercise in Exercises)
        {
            ValidateExercise(exercise, Add);
        }

        foreach (var id in WarmUpStretchIds.Concat(CoolDownStretchIds).Append(TightnessStretchId))
        {
            if (FindStretch(id) is null)
            {
                Add(LibraryProblemKind.UnknownStretchReference, id, $"The routine names a stretch '{id}' that is not in the library.");
            }
        }

        if (!Stretches.Any(s => s.LyingOnBack))
        {
            Add(LibraryProblemKind.NoLyingOnBackStretches, "", "The evening routine needs at least one stretch done lying on the back.");
        }

        return problems;
    }

    private static void ValidateStretch(Stretch stretch, Action<LibraryProblemKind, string, string> add)
    {
        var id = stretch.Id;
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(stretch.Name))
        {
            add(LibraryProblemKind.MissingIdOrName, id ?? "", "A stretch needs an id and a name.");
        }

        if (stretch.HoldSeconds <= 0)
        {
            add(LibraryProblemKind.MissingDosage, id ?? "", $"Stretch '{id}' needs a hold time.");
        }

        ValidateTeaching(id ?? "", stretch.Cues, stretch.CommonMistakes, stretch.FeelItIn, add);
    }

    private static void ValidateExercise(Exercise exercise, Action<LibraryProblemKind, string, string> add)
    {
        if (string.IsNullOrWhiteSpace(exercise.Id) || string.IsNullOrWhiteSpace(exercise.Name))
        {
            add(LibraryProblemKind.MissingIdOrName, exercise.Id ?? "", "An exercise needs an id and a name.");
        }

        if (exercise.Ladder.Count < MinLadderLength)
        {
            add(LibraryProblemKind.TooFewVariations, exercise.Id ?? "",
                $"Exercise '{exercise.Id}' has {exercise.Ladder.Count} variations; it needs at least {MinLadderLength}.");
        }

        for (var i = 0; i < exercise.Ladder.Count; i++)
        {
            var variation = exercise.Ladder[i];
            if (variation.Rung != i + 1)
            {
                add(LibraryProblemKind.LadderOutOfOrder, variation.Id,
                    $"Variation '{variation.Id}' is at position {i + 1} of the '{exercise.Id}' ladder but says it is rung {variation.Rung}; the ladder must run easiest first, 1, 2, 3 ...");
            }

            ValidateVariation(variation, add);
        }
    }

    private static void ValidateVariation(Variation variation, Action<LibraryProblemKind, string, string> add)
    {
        var id = variation.Id ?? "";
        if (string.IsNullOrWhiteSpace(variation.Id) || string.IsNullOrWhiteSpace(variation.Name))
        {
            add(LibraryProblemKind.MissingIdOrName, id, "A variation needs an id and a name.");
        }

        var dosage = variation.Dosage;
        var amountMissing = variation.Kind == VariationKind.Reps
            ? dosage?.Reps is not > 0 || (dosage.MaxReps ?? dosage.Reps) < dosage.Reps
            : dosage?.HoldSeconds is not > 0 || (dosage.MaxHoldSeconds ?? dosage.HoldSeconds) < dosage.HoldSeconds;
        if (dosage is null || dosage.Sets <= 0 || dosage.RestSeconds < 0 || amountMissing)
        {
            add(LibraryProblemKind.MissingDosage, id,
                $"Variation '{id}' needs sets, {(variation.Kind == VariationKind.Reps ? "reps" : "hold seconds")} and rest.");
        }

        if (dosage?.StartLoadKg is { } load)
        {
            if (load <= 0 || load > MaxStartingLoadKg)
            {
                add(LibraryProblemKind.StartingLoadTooHeavy, id,
                    $"Variation '{id}' starts at {load} kg; a starting load must be light (above 0 and at most {MaxStartingLoadKg} kg).");
            }

            if (variation.LoadEquipment == EquipmentKind.None)
            {
                add(LibraryProblemKind.LoadWithoutEquipment, id,
                    $"Variation '{id}' has a load but needs no kettlebell or plate.");
            }
        }

        ValidateTeaching(id, variation.Cues, variation.CommonMistakes, variation.FeelItIn, add);
    }

    private static void ValidateTeaching(
        string id,
        Cues? cues,
        IReadOnlyList<string>? mistakes,
        IReadOnlyList<string>? feelItIn,
        Action<LibraryProblemKind, string, string> add)
    {
        if (cues is null || !cues.IsComplete)
        {
            add(LibraryProblemKind.MissingCues, id, $"'{id}' needs setup, movement and breathing cues.");
        }

        if (mistakes is not { Count: > 0 } || mistakes.Any(string.IsNullOrWhiteSpace))
        {
            add(LibraryProblemKind.MissingCommonMistakes, id, $"'{id}' needs at least one common mistake.");
        }

        if (feelItIn is not { Count: > 0 } || feelItIn.Any(string.IsNullOrWhiteSpace))
        {
            add(LibraryProblemKind.MissingFeelItIn, id, $"'{id}' needs to say where it should be felt.");
        }
        else if (feelItIn.Any(MentionsSpine))
        {
            add(LibraryProblemKind.FeelItInMentionsSpine, id,
                $"'{id}' says it is felt in the spine; it must be felt in muscles only.");
        }
    }

    /// <summary>True when a text names the spine (which must never be where an exercise is felt).</summary>
    public static bool MentionsSpine(string text) =>
        SpineWords.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
}
