using BackOnTrack.Data.Trainers;
using FluentValidation;

namespace BackOnTrack.Web.Trainer;

/// <summary>A note on a client or one of their sessions.</summary>
public sealed class NoteForm
{
    public const int MaxLength = 4000;

    public string Text { get; set; } = "";

    public bool VisibleToMember { get; set; }
}

public sealed class NoteFormValidator : AbstractValidator<NoteForm>
{
    public NoteFormValidator()
    {
        RuleFor(f => f.Text).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Write the note first.")
            .MaximumLength(NoteForm.MaxLength).WithMessage($"Keep the note under {NoteForm.MaxLength} characters.");
    }
}

/// <summary>The note a trainer leaves when marking a triage flag handled, or clearing a red flag.</summary>
public sealed class FlagNoteForm
{
    public const int MaxLength = 1000;

    public string Note { get; set; } = "";
}

public sealed class FlagNoteFormValidator : AbstractValidator<FlagNoteForm>
{
    public FlagNoteFormValidator()
    {
        RuleFor(f => f.Note).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Say what was done, e.g. \"called, form reviewed\" or \"seen by GP, cleared to train\".")
            .MaximumLength(FlagNoteForm.MaxLength).WithMessage($"Keep the note under {FlagNoteForm.MaxLength} characters.");
    }
}

/// <summary>A member links to a trainer with the trainer's invite code.</summary>
public sealed class InviteCodeForm
{
    public string Code { get; set; } = "";
}

public sealed class InviteCodeFormValidator : AbstractValidator<InviteCodeForm>
{
    public InviteCodeFormValidator()
    {
        RuleFor(f => f.Code).Cascade(CascadeMode.Stop)
            .Must(c => TrainerStore.NormalizeCode(c).Length > 0).WithMessage("Enter the code your trainer gave you.")
            .Must(c => TrainerStore.NormalizeCode(c).Length == TrainerStore.CodeLength)
            .WithMessage($"The code has {TrainerStore.CodeLength} letters and digits.")
            .Must(c => TrainerStore.NormalizeCode(c).All(TrainerStore.CodeAlphabet.Contains))
            .WithMessage("That is not a trainer code: check it for typing mistakes.");
    }
}

/// <summary>An admin assigns a member (by email) to a trainer.</summary>
public sealed class AssignClientForm
{
    public string MemberEmail { get; set; } = "";

    public string TrainerId { get; set; } = "";
}

public sealed class AssignClientFormValidator : AbstractValidator<AssignClientForm>
{
    public AssignClientFormValidator()
    {
        RuleFor(f => f.MemberEmail).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the member's email.")
            .EmailAddress().WithMessage("Enter an email address like name@example.com.");
        RuleFor(f => f.TrainerId).NotEmpty().WithMessage("Choose a trainer.");
    }
}

/// <summary>Filters of a client's log. Days are the client's days (converted with their time zone).</summary>
public sealed class LogFilterForm
{
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public string ExerciseId { get; set; } = "";

    public bool OnlyStops { get; set; }

    public ClientLogFilter ToFilter(TimeZoneInfo zone) => new(
        From is { } from ? TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone) : null,
        To is { } to ? TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone) : null,
        string.IsNullOrWhiteSpace(ExerciseId) ? null : ExerciseId,
        OnlyStops);
}

public sealed class LogFilterFormValidator : AbstractValidator<LogFilterForm>
{
    public LogFilterFormValidator()
    {
        RuleFor(f => f.To).Must((f, to) => f.From is null || to is null || to >= f.From)
            .WithMessage("The end date is before the start date.");
    }
}
