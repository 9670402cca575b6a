using FluentValidation;

namespace BackOnTrack.Web.Account;

/// <summary>Deleting an account needs the password and the word DELETE typed out, so it never happens by accident.</summary>
public sealed class DeleteAccountForm
{
    public const string ConfirmWord = "DELETE";

    public string Password { get; set; } = "";

    public string Confirm { get; set; } = "";
}

public sealed class DeleteAccountFormValidator : AbstractValidator<DeleteAccountForm>
{
    public DeleteAccountFormValidator()
    {
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter your password to confirm it is you.");
        RuleFor(f => f.Confirm).Equal(DeleteAccountForm.ConfirmWord).WithMessage($"Type {DeleteAccountForm.ConfirmWord} in capitals to confirm.");
    }
}
