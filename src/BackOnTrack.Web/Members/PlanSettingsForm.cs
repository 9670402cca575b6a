using FluentValidation;

namespace BackOnTrack.Web.Members;

/// <summary>What a member may change about their plan: how often they train and the equipment they own.</summary>
public sealed class PlanSettingsForm
{
    public int TrainingDaysPerWeek { get; set; } = 3;

    public bool Bench { get; set; }

    public bool BandOrAnkleWeight { get; set; }

    public HashSet<decimal> Kettlebells { get; } = [];

    public HashSet<decimal> Plates { get; } = [];
}

public sealed class PlanSettingsFormValidator : AbstractValidator<PlanSettingsForm>
{
    public PlanSettingsFormValidator()
    {
        RuleFor(f => f.TrainingDaysPerWeek).InclusiveBetween(1, 6)
            .WithMessage("Choose 1 to 6 training days a week: the back needs at least one rest day.");
        RuleFor(f => f.Kettlebells).Must(k => k.All(OnboardingForm.KettlebellSizes.Contains))
            .WithMessage("Choose kettlebell sizes from the list.");
        RuleFor(f => f.Plates).Must(p => p.All(OnboardingForm.PlateSizes.Contains))
            .WithMessage("Choose plate sizes from the list.");
    }
}
