using System.ComponentModel.DataAnnotations;
using BackOnTrack.Domain.Progression;

namespace BackOnTrack.Web.Session;

/// <summary>The progression thresholds (S4), bound from "Progression" so a physiotherapist can tune them without a rebuild.</summary>
public sealed class ProgressionOptions : IValidatableObject
{
    public const string SectionName = "Progression";

    [Range(1, 20)]
    public int MinCleanSessionsInARow { get; set; } = ProgressionRules.Default.MinCleanSessionsInARow;

    [Range(0, 26)]
    public int MinWeeksAtLoad { get; set; } = ProgressionRules.Default.MinWeeksAtLoad;

    [Range(typeof(decimal), "1", "10", ErrorMessage = "Progression:MaxLoadStepPercent must be between 1 and 10 (ACSM's 2–10 % guidance).")]
    public decimal MaxLoadStepPercent { get; set; } = ProgressionRules.Default.MaxLoadStepPercent;

    [Range(typeof(decimal), "0", "10")]
    public decimal MinLoadStepPercent { get; set; } = ProgressionRules.Default.MinLoadStepPercent;

    [Range(1, 10)]
    public int RepStep { get; set; } = ProgressionRules.Default.RepStep;

    [Range(1, 30)]
    public int HoldStepSeconds { get; set; } = ProgressionRules.Default.HoldStepSeconds;

    [Range(1, 10)]
    public int PainCautionFrom { get; set; } = ProgressionRules.Default.PainCautionFrom;

    [Range(1, 10)]
    public int PainStopFrom { get; set; } = ProgressionRules.Default.PainStopFrom;

    public ProgressionRules ToRules() => new()
    {
        MinCleanSessionsInARow = MinCleanSessionsInARow,
        MinWeeksAtLoad = MinWeeksAtLoad,
        MaxLoadStepPercent = MaxLoadStepPercent,
        MinLoadStepPercent = MinLoadStepPercent,
        RepStep = RepStep,
        HoldStepSeconds = HoldStepSeconds,
        PainCautionFrom = PainCautionFrom,
        PainStopFrom = PainStopFrom,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinLoadStepPercent > MaxLoadStepPercent)
        {
            yield return new ValidationResult("Progression:MinLoadStepPercent must not exceed MaxLoadStepPercent.");
        }

        if (PainCautionFrom >= PainStopFrom)
        {
            yield return new ValidationResult("Progression:PainCautionFrom must be below PainStopFrom.");
        }
    }
}
