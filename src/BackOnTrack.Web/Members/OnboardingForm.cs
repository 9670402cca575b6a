using BackOnTrack.Domain.Safety;
using FluentValidation;

namespace BackOnTrack.Web.Members;

/// <summary>First-time set-up: a goal, the equipment the member owns, and the red-flag screen (S8).</summary>
public sealed class OnboardingForm
{
    public static IReadOnlyList<string> Goals { get; } =
    [
        "Ease stiffness from sitting",
        "Build a stronger lower back",
        "Protect my back for sport or work",
        "Get back to training after a break",
    ];

    public static IReadOnlyList<decimal> KettlebellSizes { get; } = [4, 6, 8, 10, 12, 14, 16, 20, 24];

    public static IReadOnlyList<decimal> PlateSizes { get; } = [1.25m, 2.5m, 5, 10, 15, 20];

    public string Goal { get; set; } = "";

    public bool Bench { get; set; }

    public bool BandOrAnkleWeight { get; set; }

    public HashSet<decimal> Kettlebells { get; } = [];

    public HashSet<decimal> Plates { get; } = [];

    /// <summary>Question id → yes (true) / no (false); missing means not answered yet.</summary>
    public Dictionary<string, bool> Answers { get; } = [];

    public IReadOnlyList<RedFlagAnswer> RedFlagAnswers() =>
        Answers.Select(a => new RedFlagAnswer(a.Key, a.Value)).ToList();
}

public sealed class OnboardingFormValidator : AbstractValidator<OnboardingForm>
{
    public OnboardingFormValidator()
    {
        RuleFor(f => f.Goal).Must(g => OnboardingForm.Goals.Contains(g))
            .WithMessage("Choose the goal that fits you best.");
        RuleFor(f => f.Kettlebells).Must(k => k.All(OnboardingForm.KettlebellSizes.Contains))
            .WithMessage("Choose kettlebell sizes from the list.");
        RuleFor(f => f.Plates).Must(p => p.All(OnboardingForm.PlateSizes.Contains))
            .WithMessage("Choose plate sizes from the list.");
        RuleFor(f => f.Answers).Must(a => RedFlagScreen.Questions.All(q => a.ContainsKey(q.Id)))
            .WithMessage("Please answer every safety question with yes or no.");
    }
}
