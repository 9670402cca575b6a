using BackOnTrack.Domain.Library;

namespace BackOnTrack.Domain.Tests.Library;

public class ExerciseLibraryTests
{
    private static readonly ExerciseLibrary BuiltIn = ExerciseLibrary.BuiltIn;

    [Fact]
    public void Built_in_library_has_no_problems_and_a_version()
    {
        BuiltIn.Validate().ShouldBeEmpty();
        BuiltIn.Version.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Built_in_library_has_the_five_exercises_with_ladders_of_at_least_three()
    {
        BuiltIn.Exercises.Select(e => e.Name).ShouldBe(["Bridge", "Back Hyperextension", "Superman", "Kettlebell Swing", "Bird Dog"]);
        BuiltIn.Exercises.ShouldAllBe(e => e.Ladder.Count >= 3);
    }

    [Fact]
    public void S2_built_in_library_has_knee_to_chest_piriformis_and_at_least_two_more_stretches()
    {
        BuiltIn.FindStretch("knee-to-chest").ShouldNotBeNull().LyingOnBack.ShouldBeTrue();
        BuiltIn.FindStretch("piriformis").ShouldNotBeNull().LyingOnBack.ShouldBeTrue();
        BuiltIn.Stretches.Count.ShouldBeGreaterThanOrEqualTo(4);
        BuiltIn.EveningStretches.ShouldAllBe(s => s.LyingOnBack);
    }

    [Fact]
    public void S3_every_weighted_variation_starts_light_and_every_ladder_starts_at_bodyweight()
    {
        BuiltIn.Exercises.ShouldAllBe(e => !e.Easiest.IsWeighted);
        BuiltIn.Exercises.SelectMany(e => e.Ladder).Where(v => v.IsWeighted)
            .ShouldAllBe(v => v.Dosage.StartLoadKg <= ExerciseLibrary.MaxStartingLoadKg);
    }

    [Fact]
    public void Neighbours_follow_ladder_order()
    {
        var bridge = BuiltIn.GetExercise("bridge");
        bridge.Ladder.Select(v => v.Id).ShouldBe(["bridge-hold", "bridge-march", "bridge-single-leg", "bridge-weighted"]);
        bridge.EasierThan("bridge-hold").ShouldBeNull();
        bridge.HarderThan("bridge-hold")!.Id.ShouldBe("bridge-march");
        bridge.EasierThan("bridge-single-leg")!.Id.ShouldBe("bridge-march");
        bridge.HarderThan("bridge-weighted").ShouldBeNull();
    }

    [Fact]
    public void No_variation_or_stretch_is_felt_in_the_spine()
    {
        BuiltIn.Exercises.SelectMany(e => e.Ladder).SelectMany(v => v.FeelItIn)
            .Concat(BuiltIn.Stretches.SelectMany(s => s.FeelItIn))
            .ShouldAllBe(text => !ExerciseLibrary.MentionsSpine(text));
    }

    private static ExerciseLibrary WithBridge(Func<Exercise, Exercise> change) => BuiltIn with
    {
        Exercises = BuiltIn.Exercises.Select(e => e.Id == "bridge" ? change(e) : e).ToList(),
    };

    private static ExerciseLibrary WithVariation(string id, Func<Variation, Variation> change) => BuiltIn with
    {
        Exercises = BuiltIn.Exercises
            .Select(e => e with { Ladder = e.Ladder.Select(v => v.Id == id ? change(v) : v).ToList() })
            .ToList(),
    };

    private static void ShouldReport(ExerciseLibrary library, LibraryProblemKind kind, string itemId) =>
        library.Validate().ShouldContain(p => p.Kind == kind && p.ItemId == itemId, $"expected {kind} for '{itemId}'");

    [Fact]
    public void Validation_finds_duplicate_ids()
    {
        var library = WithVariation("bridge-march", v => v with { Id = "bridge-hold" });
        ShouldReport(library, LibraryProblemKind.DuplicateId, "bridge-hold");
    }

    [Fact]
    public void Validation_finds_a_ladder_out_of_order()
    {
        var library = WithBridge(e => e with { Ladder = [e.Ladder[1], e.Ladder[0], .. e.Ladder.Skip(2)] });
        ShouldReport(library, LibraryProblemKind.LadderOutOfOrder, "bridge-march");
        ShouldReport(library, LibraryProblemKind.LadderOutOfOrder, "bridge-hold");
    }

    [Fact]
    public void Validation_finds_a_broken_easier_harder_link_when_a_rung_is_missing()
    {
        var library = WithBridge(e => e with { Ladder = [e.Ladder[0], .. e.Ladder.Skip(2)] });
        ShouldReport(library, LibraryProblemKind.LadderOutOfOrder, "bridge-single-leg");
    }

    [Fact]
    public void Validation_finds_a_ladder_that_is_too_short()
    {
        var library = WithBridge(e => e with { Ladder = e.Ladder.Take(2).ToList() });
        ShouldReport(library, LibraryProblemKind.TooFewVariations, "bridge");
    }

    [Theory]
    [InlineData("setup")]
    [InlineData("movement")]
    [InlineData("breathing")]
    public void Validation_finds_missing_cues(string which)
    {
        var library = WithVariation("superman-full", v => v with
        {
            Cues = which switch
            {
                "setup" => v.Cues with { Setup = [] },
                "movement" => v.Cues with { Movement = [" "] },
                _ => v.Cues with { Breathing = [] },
            },
        });
        ShouldReport(library, LibraryProblemKind.MissingCues, "superman-full");
    }

    [Fact]
    public void Validation_finds_missing_common_mistakes()
    {
        var library = WithVariation("superman-full", v => v with { CommonMistakes = [] });
        ShouldReport(library, LibraryProblemKind.MissingCommonMistakes, "superman-full");
    }

    [Fact]
    public void Validation_finds_missing_dosage()
    {
        ShouldReport(WithVariation("bird-dog-opposite", v => v with { Dosage = v.Dosage with { Reps = null } }),
            LibraryProblemKind.MissingDosage, "bird-dog-opposite");
        ShouldReport(WithVariation("bird-dog-opposite", v => v with { Dosage = v.Dosage with { Sets = 0 } }),
            LibraryProblemKind.MissingDosage, "bird-dog-opposite");
        ShouldReport(WithVariation("bridge-hold", v => v with { Dosage = v.Dosage with { HoldSeconds = null } }),
            LibraryProblemKind.MissingDosage, "bridge-hold");
    }

    [Fact]
    public void Validation_finds_missing_feel_it_in()
    {
        var library = WithVariation("kettlebell-swing-light", v => v with { FeelItIn = [] });
        ShouldReport(library, LibraryProblemKind.MissingFeelItIn, "kettlebell-swing-light");
    }

    [Fact]
    public void Validation_rejects_a_variation_felt_in_the_spine()
    {
        var library = WithVariation("back-extension-floor", v => v with { FeelItIn = [.. v.FeelItIn, "Along the Spine"] });
        ShouldReport(library, LibraryProblemKind.FeelItInMentionsSpine, "back-extension-floor");
    }

    [Fact]
    public void S3_validation_rejects_a_heavy_starting_load()
    {
        var library = WithVariation("kettlebell-swing-light", v => v with { Dosage = v.Dosage with { StartLoadKg = 24m } });
        ShouldReport(library, LibraryProblemKind.StartingLoadTooHeavy, "kettlebell-swing-light");
    }

    [Fact]
    public void Validation_rejects_a_load_without_loading_equipment()
    {
        var library = WithVariation("bridge-weighted", v => v with { Equipment = [] });
        ShouldReport(library, LibraryProblemKind.LoadWithoutEquipment, "bridge-weighted");
    }

    [Fact]
    public void Validation_finds_a_routine_naming_an_unknown_stretch()
    {
        var library = BuiltIn with { WarmUpStretchIds = [.. BuiltIn.WarmUpStretchIds, "headstand"] };
        ShouldReport(library, LibraryProblemKind.UnknownStretchReference, "headstand");
    }

    [Fact]
    public void Validation_checks_stretches_too()
    {
        var library = BuiltIn with
        {
            Stretches = BuiltIn.Stretches.Select(s => s.Id == "piriformis" ? s with { HoldSeconds = 0, FeelItIn = ["lower spine"] } : s).ToList(),
        };
        ShouldReport(library, LibraryProblemKind.MissingDosage, "piriformis");
        ShouldReport(library, LibraryProblemKind.FeelItInMentionsSpine, "piriformis");
    }
}
