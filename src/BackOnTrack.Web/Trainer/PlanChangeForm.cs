using System.Globalization;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using FluentValidation;

namespace BackOnTrack.Web.Trainer;

public enum PlanChangeKind
{
    /// <summary>Set an exercise's variation (a rung of its ladder) and load.</summary>
    Level,

    TrainingDays,

    HoldProgression,

    /// <summary>Waive the warm-up for the member's next session (S1, logged).</summary>
    WarmUpWaiver,
}

/// <summary>
/// A trainer's change to a client's plan. The reason is required: the member reads it before their next
/// session. <see cref="Plan"/> and <see cref="Library"/> are the context the choices are checked against
/// (set by the page and again by <see cref="TrainerPlanChanges"/>, never bound from input).
/// </summary>
public sealed class PlanChangeForm
{
    public PlanChangeKind Kind { get; set; } = PlanChangeKind.Level;

    public string ExerciseId { get; set; } = "";

    public string VariationId { get; set; } = "";

    /// <summary>Kilograms as typed or chosen ("" = bodyweight).</summary>
    public string Load { get; set; } = "";

    public int TrainingDaysPerWeek { get; set; } = MemberPlan.DefaultTrainingDaysPerWeek;

    public bool Hold { get; set; } = true;

    public string Reason { get; set; } = "";

    public MemberPlan? Plan { get; set; }

    public ExerciseLibrary? Library { get; set; }

    public const int MaxReasonLength = 1000;

    public Exercise? Exercise => Library?.FindExercise(ExerciseId);

    public Variation? Variation => Exercise?.FindVariation(VariationId);

    /// <summary>The loads the member can do this variation with: their owned sizes for its equipment; none for bodyweight variations.</summary>
    public IReadOnlyList<decimal> LoadChoices =>
        Variation is { IsWeighted: true } v && Plan is not null ? Plan.Equipment.SizesFor(v.LoadEquipment) : [];

    public decimal? LoadKg => decimal.TryParse(Load, NumberStyles.Number, CultureInfo.InvariantCulture, out var kg) ? kg : null;
}

public sealed class PlanChangeFormValidator : AbstractValidator<PlanChangeForm>
{
    public PlanChangeFormValidator()
    {
        RuleFor(f => f.Reason).Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Say why: the member reads this before their next session.")
            .MaximumLength(PlanChangeForm.MaxReasonLength).WithMessage($"Keep the reason under {PlanChangeForm.MaxReasonLength} characters.");

        When(f => f.Kind is PlanChangeKind.Level or PlanChangeKind.HoldProgression, () =>
            RuleFor(f => f.ExerciseId)
                .Must((f, id) => f.Plan?.Find(id) is not null && f.Exercise is not null)
                .WithMessage("Choose one of the exercises in the member's plan."));

        When(f => f.Kind == PlanChangeKind.Level && f.Exercise is not null, () =>
        {
            RuleFor(f => f.VariationId).Cascade(CascadeMode.Stop)
                .Must((f, id) => f.Variation is not null).WithMessage(f => $"Choose a variation from the {f.Exercise!.Name} ladder.")
                .Must((f, id) => f.Plan!.Equipment.HasAll(f.Variation!.Equipment))
                .WithMessage(f => $"{f.Variation!.Name} needs equipment the member does not have.");
            RuleFor(f => f.Load).Cascade(CascadeMode.Stop)
                .Must((f, load) => f.Variation is null || f.Variation.IsWeighted || string.IsNullOrWhiteSpace(load))
                .WithMessage(f => $"{f.Variation!.Name} is done with bodyweight: leave the load empty.")
                .Must((f, load) => f.Variation is not { IsWeighted: true } || (f.LoadKg is { } kg && f.LoadChoices.Contains(kg)))
                .WithMessage(f => f.LoadChoices.Count == 0
                    ? $"The member owns nothing to load {f.Variation!.Name} with."
                    : $"Choose one of the member's own sizes: {string.Join(", ", f.LoadChoices.Select(k => k.ToString("0.##", CultureInfo.InvariantCulture) + " kg"))}.");
        });

        When(f => f.Kind == PlanChangeKind.TrainingDays, () =>
            RuleFor(f => f.TrainingDaysPerWeek).InclusiveBetween(1, 6)
                .WithMessage("Choose 1 to 6 training days a week: the back needs at least one rest day."));
    }
}
