namespace BackOnTrack.Domain.Library;

public sealed partial record ExerciseLibrary
{
    /// <summary>The content version; bump it whenever the built-in content changes.</summary>
    public const string BuiltInVersion = "2025.1";

    /// <summary>The stretches and exercises that ship with BackOnTrack.</summary>
    public static ExerciseLibrary BuiltIn { get; } = new(
        BuiltInVersion,
        BuiltInStretches(),
        [Bridge(), BackExtension(), Superman(), KettlebellSwing(), BirdDog()],
        WarmUpStretchIds: ["cat-cow", "knee-to-chest", "piriformis", "childs-pose"],
        CoolDownStretchIds: ["supine-twist", "knee-to-chest"],
        TightnessStretchId: "childs-pose");

    private static Cues Cue(string[] setup, string[] movement, string[] breathing) => new(setup, movement, breathing);

    private static Stretch[] BuiltInStretches() =>
    [
        new Stretch(
            "knee-to-chest", "Knee-to-Chest", "Lying on your back, ease one knee towards your chest.",
            HoldSeconds: 30, PerSide: true, LyingOnBack: true,
            Cue(
                ["Lie on your back on a mat, knees bent and both feet flat.", "Let your head and shoulders rest on the floor."],
                ["Hold behind one thigh and draw that knee slowly up towards your chest.", "Keep the other foot on the floor, or straighten that leg if it is comfortable.", "Stop where you feel a gentle pull and stay there."],
                ["Breathe slowly through your nose and let each out-breath soften the stretch."]),
            ["Yanking the knee in or bouncing.", "Lifting the head and shoulders off the floor.", "Pulling on the shin when that hurts the knee; hold behind the thigh instead."],
            ["The muscles of the lower back", "The buttock of the bent leg"]),
        new Stretch(
            "piriformis", "Piriformis Stretch", "A figure-four stretch on your back for the deep muscles of the hip.",
            HoldSeconds: 30, PerSide: true, LyingOnBack: true,
            Cue(
                ["Lie on your back, knees bent, feet flat.", "Cross one ankle over the opposite knee so your legs make a figure four."],
                ["Hold behind the thigh of the uncrossed leg and bring it gently towards you.", "Keep your hips level and your lower back resting on the mat."],
                ["Breathe out as you draw the leg in; breathe evenly while you hold."]),
            ["Twisting the hips off the floor to go deeper.", "Forcing the crossed knee down with your hand."],
            ["Deep in the buttock of the crossed leg", "The outer hip"]),
        new Stretch(
            "childs-pose", "Child's Pose", "Kneel and fold forward to lengthen the whole back.",
            HoldSeconds: 30, PerSide: false, LyingOnBack: false,
            Cue(
                ["Kneel on the mat with your big toes together and knees a little apart.", "Sit back towards your heels."],
                ["Walk your hands forward and lower your chest towards the floor.", "Let your forehead rest on the mat or on a cushion."],
                ["Breathe into your lower ribs and feel your back widen on each in-breath."]),
            ["Forcing the hips down to the heels when the knees complain.", "Shrugging the shoulders up to the ears."],
            ["The muscles of the lower back", "The sides of the back", "The hips"]),
        new Stretch(
            "supine-twist", "Lying Twist", "On your back, let bent knees fall to one side.",
            HoldSeconds: 30, PerSide: true, LyingOnBack: true,
            Cue(
                ["Lie on your back with knees bent and feet together.", "Stretch your arms out to the sides at shoulder height."],
                ["Lower both knees slowly to one side as far as is comfortable.", "Keep both shoulders resting on the floor.", "Bring the knees back through the middle before changing sides."],
                ["Breathe slowly and let gravity do the work on each out-breath."]),
            ["Dropping the knees quickly.", "Letting the opposite shoulder lift off the floor."],
            ["The side of the lower back", "The outer hip and buttock"]),
        new Stretch(
            "cat-cow", "Cat-Cow", "A slow, rhythmic arch and round on hands and knees to warm up the back.",
            HoldSeconds: 40, PerSide: false, LyingOnBack: false,
            Cue(
                ["Come onto hands and knees, hands under shoulders and knees under hips."],
                ["Slowly round your back up towards the ceiling and let your head drop.", "Then slowly let your belly sink and lift your gaze a little.", "Move back and forth gently for the whole time, never forcing the end positions."],
                ["Breathe out as you round up, breathe in as you let the belly sink."]),
            ["Rushing through the movement.", "Pushing hard into the ends of the range."],
            ["The muscles along the whole back", "The abdominal muscles"]),
        new Stretch(
            "pelvic-tilt", "Pelvic Tilt", "On your back, gently rock the pelvis to loosen the lower back.",
            HoldSeconds: 30, PerSide: false, LyingOnBack: true,
            Cue(
                ["Lie on your back with knees bent and feet flat, hip-width apart."],
                ["Tighten your belly gently and press the small of your back towards the floor.", "Release back to neutral and repeat slowly for the whole time."],
                ["Breathe out as you press down, breathe in as you release."]),
            ["Lifting the buttocks off the floor.", "Holding the breath."],
            ["The abdominal muscles", "The muscles of the lower back"]),
    ];

    private static Variation Reps(
        string id, string name, int rung, int sets, int reps, int maxReps, int rest, Cues cues,
        string[] mistakes, string[] feel, bool perSide = false, decimal? loadKg = null, params EquipmentKind[] equipment) =>
        new(id, name, rung, VariationKind.Reps,
            new Dosage(sets, reps, null, rest, loadKg, maxReps, null, perSide),
            equipment, cues, mistakes, feel);

    private static Variation Hold(
        string id, string name, int rung, int sets, int seconds, int maxSeconds, int rest, Cues cues,
        string[] mistakes, string[] feel, params EquipmentKind[] equipment) =>
        new(id, name, rung, VariationKind.Hold,
            new Dosage(sets, null, seconds, rest, null, null, maxSeconds),
            equipment, cues, mistakes, feel);

    private static Exercise Bridge()
    {
        string[] feel = ["Buttocks (glutes)", "Back of the thighs (hamstrings)", "The muscles of the lower back, lightly"];
        string[] bridgeBreath = ["Breathe out as you lift, breathe in as you lower.", "Never hold your breath."];
        return new Exercise("bridge", "Bridge",
            "Lifting the hips from the floor builds the buttocks and lower back muscles with no weight needed.",
        [
            Hold("bridge-hold", "Bridge Hold", 1, sets: 3, seconds: 20, maxSeconds: 45, rest: 45,
                Cue(["Lie on your back, knees bent, feet flat and hip-width apart, arms by your sides."],
                    ["Squeeze your buttocks and lift your hips until knees, hips and shoulders line up.", "Stay still at the top for the whole hold, then lower slowly."],
                    ["Keep breathing steadily through the hold."]),
                ["Arching the lower back to lift higher.", "Letting the knees fall in or out.", "Pushing through the toes instead of the heels."],
                feel),
            Reps("bridge-march", "Marching Bridge", 2, sets: 3, reps: 8, maxReps: 12, rest: 60,
                Cue(["Start as for the Bridge Hold and lift your hips into the bridge."],
                    ["Keeping the hips level, lift one foot a few centimetres, put it down, then the other.", "One lift of each foot counts as one rep."],
                    bridgeBreath),
                ["Letting one hip drop as the foot lifts.", "Lifting the foot too high."],
                ["Buttocks (glutes)", "Back of the thighs (hamstrings)", "Deep abdominal muscles"], perSide: true),
            Reps("bridge-single-leg", "Single-Leg Bridge", 3, sets: 3, reps: 8, maxReps: 12, rest: 60,
                Cue(["Lie on your back with one foot flat and the other leg straight out, thighs level."],
                    ["Press through the heel of the bent leg and lift your hips, keeping them level.", "Lower with control and finish all reps before changing legs."],
                    bridgeBreath),
                ["Hips tilting to one side.", "Over-arching at the top."],
                ["Buttock of the working leg", "Back of the thigh of the working leg"], perSide: true),
            Reps("bridge-weighted", "Weighted Bridge", 4, sets: 3, reps: 10, maxReps: 15, rest: 75,
                Cue(["Lie on your back as for the bridge and rest a light plate across your hips, holding it with both hands."],
                    ["Lift the hips into the bridge, pause briefly, and lower with control."],
                    bridgeBreath),
                ["Choosing a plate that makes the lift jerky.", "Arching the lower back at the top."],
                feel, loadKg: 5m, equipment: EquipmentKind.Plate),
        ]);
    }

    private static Exercise BackExtension()
    {
        string[] feel = ["The muscles of the lower back", "Buttocks (glutes)", "Back of the thighs (hamstrings)"];
        return new Exercise("back-extension", "Back Hyperextension",
            "Raising the upper body against gravity trains the lower back and buttocks together.",
        [
            Reps("back-extension-floor", "Floor Back Extension", 1, sets: 3, reps: 10, maxReps: 15, rest: 60,
                Cue(["Lie face down, legs straight, hands resting lightly by your temples or along your sides."],
                    ["Lift your chest a few centimetres off the floor, keeping your eyes on the floor.", "Lower slowly."],
                    ["Breathe out on the way up, in on the way down."]),
                ["Lifting too high and throwing the head back.", "Swinging up with momentum."],
                feel),
            Reps("back-extension-bench", "Bench Back Extension", 2, sets: 3, reps: 8, maxReps: 15, rest: 75,
                Cue(["Set the hip pad of the hyperextension bench just below your hip bones.", "Hook your heels under the ankle pads and cross your arms on your chest."],
                    ["Fold forward from the hips with a long, straight back.", "Rise until your body forms a straight line, and no further."],
                    ["Breathe in as you fold down, out as you rise."]),
                ["Rising past a straight line.", "Rounding the back on the way down.", "Moving fast."],
                feel, equipment: EquipmentKind.Bench),
            Reps("back-extension-plate", "Back Extension Holding a Plate", 3, sets: 3, reps: 8, maxReps: 12, rest: 90,
                Cue(["Set up on the bench as before and hold a light plate against your chest."],
                    ["Fold from the hips and rise to a straight line, keeping the plate close."],
                    ["Breathe in as you fold down, out as you rise."]),
                ["Holding the plate out in front, which adds leverage.", "Jerking up to get the weight moving."],
                feel, loadKg: 2.5m, equipment: [EquipmentKind.Bench, EquipmentKind.Plate]),
        ]);
    }

    private static Exercise Superman()
    {
        string[] feel = ["The muscles of the lower and upper back", "Back of the shoulders", "Buttocks and hamstrings"];
        return new Exercise("superman", "Superman",
            "A floor exercise that uses your bodyweight to work the whole back, from shoulders to buttocks.",
        [
            Reps("superman-alternating", "Alternating Superman", 1, sets: 3, reps: 8, maxReps: 12, rest: 45,
                Cue(["Lie face down with arms stretched out past your head and legs long."],
                    ["Raise one arm and the opposite leg a little way off the floor, then lower them.", "Swap sides; one lift on each side counts as one rep."],
                    ["Breathe out as you lift, in as you lower."]),
                ["Lifting too high.", "Cranking the head up to look forward."],
                feel, perSide: true),
            Reps("superman-full", "Full Superman", 2, sets: 3, reps: 8, maxReps: 12, rest: 60,
                Cue(["Lie face down with arms stretched out past your head."],
                    ["Lift both arms and both legs a little way off the floor together, then lower slowly."],
                    ["Breathe out as you lift, in as you lower."]),
                ["Lifting as high as possible instead of just clearing the floor.", "Bending the knees."],
                feel),
            Hold("superman-hold", "Superman Hold", 3, sets: 3, seconds: 10, maxSeconds: 30, rest: 60,
                Cue(["Lie face down with arms stretched out past your head."],
                    ["Lift arms and legs just off the floor and keep them there for the whole hold.", "Lower gently when the time is up or your form slips."],
                    ["Keep breathing slowly and evenly during the hold."]),
                ["Holding the breath.", "Letting the lift creep higher and higher."],
                feel),
        ]);
    }

    private static Exercise KettlebellSwing()
    {
        string[] feel = ["Buttocks (glutes)", "Back of the thighs (hamstrings)", "The muscles of the lower back", "Grip and shoulders, lightly"];
        string[] swingBreath = ["Breathe out sharply as the hips snap forward, breathe in as the bell swings back."];
        string[] swingMistakes = ["Squatting instead of hinging at the hips.", "Lifting the bell with the arms.", "Leaning back at the top."];
        return new Exercise("kettlebell-swing", "Kettlebell Swing",
            "A hip-driven swing that teaches the lower back to stay steady while the body moves.",
        [
            Reps("kettlebell-hinge-drill", "Hip-Hinge Drill", 1, sets: 3, reps: 10, maxReps: 15, rest: 45,
                Cue(["Stand with feet a little wider than hips, hands on your hips, knees soft."],
                    ["Push your hips back as if closing a car door with your buttocks, keeping your back long.", "Stand tall again by squeezing your buttocks."],
                    ["Breathe in as you hinge back, out as you stand."]),
                ["Rounding the back as you hinge.", "Bending the knees into a squat."],
                ["Buttocks (glutes)", "Back of the thighs (hamstrings)"]),
            Reps("kettlebell-swing-light", "Two-Hand Swing, Light Bell", 2, sets: 3, reps: 10, maxReps: 15, rest: 75,
                Cue(["Stand over a light kettlebell, feet a little wider than hips.", "Hinge and grip the handle with both hands."],
                    ["Hike the bell back between your legs, then drive your hips forward so it floats to chest height.", "Let it fall back into the next hinge; the arms only guide it."],
                    swingBreath),
                swingMistakes, feel, loadKg: 8m, equipment: EquipmentKind.Kettlebell),
            Reps("kettlebell-swing-heavier", "Two-Hand Swing, Heavier Bell", 3, sets: 3, reps: 10, maxReps: 15, rest: 90,
                Cue(["Set up as for the light-bell swing with the next bell size up."],
                    ["Swing exactly as before; if the hinge changes, go back to the lighter bell."],
                    swingBreath),
                swingMistakes, feel, loadKg: 12m, equipment: EquipmentKind.Kettlebell),
        ]);
    }

    private static Exercise BirdDog()
    {
        string[] feel = ["The muscles of the lower back", "Buttocks (glutes)", "Deep abdominal muscles", "Back of the shoulders"];
        string[] setup = ["Come onto hands and knees, hands under shoulders and knees under hips.", "Keep your back flat like a table top."];
        string[] breath = ["Breathe out as you reach, breathe in as you return."];
        return new Exercise("bird-dog", "Bird Dog",
            "Reaching with opposite arm and leg builds cross-body balance and control.",
        [
            Reps("bird-dog-single-limb", "Bird Dog, One Limb at a Time", 1, sets: 3, reps: 8, maxReps: 12, rest: 45,
                Cue(setup,
                    ["Slide one arm forward until it is level with your body, then return it.", "Next, slide one leg back until it is level, then return it. Work round all four limbs."],
                    breath),
                ["Letting the hips rock to one side.", "Lifting the limb higher than the body."],
                feel, perSide: true),
            Reps("bird-dog-opposite", "Bird Dog, Opposite Arm and Leg", 2, sets: 3, reps: 8, maxReps: 12, rest: 45,
                Cue(setup,
                    ["Reach one arm forward and the opposite leg back at the same time, both level with your body.", "Return with control and swap sides."],
                    breath),
                ["Twisting the hips open.", "Sagging in the middle."],
                feel, perSide: true),
            Reps("bird-dog-hold", "Bird Dog with a Pause", 3, sets: 3, reps: 6, maxReps: 10, rest: 60,
                Cue(setup,
                    ["Reach opposite arm and leg out and stay there for a slow count of five before returning.", "Swap sides each rep."],
                    ["Keep breathing slowly during each pause."]),
                ["Holding the breath during the pause.", "Letting the reaching leg drift up."],
                feel, perSide: true),
            Reps("bird-dog-weighted", "Bird Dog with Band or Ankle Weight", 4, sets: 3, reps: 8, maxReps: 12, rest: 60,
                Cue([.. setup, "Loop a light band around your feet or strap a light ankle weight on."],
                    ["Reach opposite arm and leg out against the band or weight, pause, and return slowly."],
                    breath),
                ["Choosing a band or weight that makes the hips twist.", "Rushing the return."],
                feel, perSide: true, equipment: EquipmentKind.BandOrAnkleWeight),
        ]);
    }
}
