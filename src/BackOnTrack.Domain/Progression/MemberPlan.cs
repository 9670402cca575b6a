using BackOnTrack.Domain.Library;

namespace BackOnTrack.Domain.Progression;

/// <summary>The equipment a member owns. Load steps only ever go to sizes listed here.</summary>
public sealed record EquipmentOwned(
    bool Bench,
    IReadOnlyList<decimal> KettlebellsKg,
    IReadOnlyList<decimal> PlatesKg,
    bool BandOrAnkleWeight)
{
    public IReadOnlyList<decimal> KettlebellsKg { get; init => field = ValueList.From(value.Distinct().Order()); } = ValueList.From(KettlebellsKg.Distinct().Order());

    public IReadOnlyList<decimal> PlatesKg { get; init => field = ValueList.From(value.Distinct().Order()); } = ValueList.From(PlatesKg.Distinct().Order());

    /// <summary>Bodyweight only: no bench, bells, plates or band.</summary>
    public static EquipmentOwned None { get; } = new(false, [], [], false);

    public bool Has(EquipmentKind kind) => kind switch
    {
        EquipmentKind.None => true,
        EquipmentKind.Bench => Bench,
        EquipmentKind.Kettlebell => KettlebellsKg.Count > 0,
        EquipmentKind.Plate => PlatesKg.Count > 0,
        EquipmentKind.BandOrAnkleWeight => BandOrAnkleWeight,
        _ => false,
    };

    public bool HasAll(IEnumerable<EquipmentKind> kinds) => kinds.All(Has);

    /// <summary>The owned sizes (kg, ascending) for a loading kind; empty for anything else.</summary>
    public IReadOnlyList<decimal> SizesFor(EquipmentKind kind) => kind switch
    {
        EquipmentKind.Kettlebell => KettlebellsKg,
        EquipmentKind.Plate => PlatesKg,
        _ => [],
    };
}

/// <summary>
/// Where a member is on one exercise. <see cref="Amount"/> is reps (Reps variations) or hold seconds
/// (Hold variations). <see cref="StartedOn"/> is the day they began this variation at this load
/// (weeks at a load are counted from it). <see cref="LastChangedAt"/> is when anything here last
/// changed; only sessions after it count towards the next step.
/// <see cref="ProgressionHeld"/> is set after a step down (S7/S9) and cleared by the next step up.
/// </summary>
public sealed record ExercisePrescription(
    string ExerciseId,
    string VariationId,
    int Sets,
    int Amount,
    decimal? LoadKg,
    DateOnly StartedOn,
    DateTimeOffset LastChangedAt,
    bool ProgressionHeld = false);

/// <summary>A member's current training plan (S3, S10).</summary>
public sealed record MemberPlan(
    IReadOnlyList<ExercisePrescription> Exercises,
    int TrainingDaysPerWeek,
    EquipmentOwned Equipment,
    IReadOnlyList<string> ConfirmedVariationIds)
{
    public const int DefaultTrainingDaysPerWeek = 3;

    public IReadOnlyList<ExercisePrescription> Exercises { get; init => field = ValueList.From(value); } = ValueList.From(Exercises);

    public IReadOnlyList<string> ConfirmedVariationIds { get; init => field = ValueList.From(value); } = ValueList.From(ConfirmedVariationIds);

    /// <summary>Daily stretching minimum and target, in minutes (S2).</summary>
    public int DailyStretchMinutesMinimum { get; init; } = 10;

    public int DailyStretchMinutesTarget { get; init; } = 20;

    public ExercisePrescription? Find(string exerciseId) => Exercises.FirstOrDefault(e => e.ExerciseId == exerciseId);

    public bool HasConfirmedCues(string variationId) => ConfirmedVariationIds.Contains(variationId);

    /// <summary>
    /// S3: a new member starts every exercise at its easiest variation, with bodyweight and the
    /// variation's default dose.
    /// </summary>
    public static MemberPlan Starter(ExerciseLibrary library, EquipmentOwned equipment, DateTimeOffset startedAt)
    {
        var startedOn = DateOnly.FromDateTime(startedAt.Date);
        var exercises = library.Exercises
            .Select(e => new ExercisePrescription(
                e.Id, e.Easiest.Id, e.Easiest.Dosage.Sets, e.Easiest.DefaultAmount, LoadKg: null, startedOn, startedAt))
            .ToList();
        return new MemberPlan(exercises, DefaultTrainingDaysPerWeek, equipment, []);
    }

    public MemberPlan WithPrescription(ExercisePrescription prescription) => this with
    {
        Exercises = Exercises.Select(e => e.ExerciseId == prescription.ExerciseId ? prescription : e).ToList(),
    };

    public MemberPlan WithConfirmedCues(IEnumerable<string> variationIds) => this with
    {
        ConfirmedVariationIds = ConfirmedVariationIds.Concat(variationIds).Distinct().ToList(),
    };
}
