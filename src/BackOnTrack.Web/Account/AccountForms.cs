using FluentValidation;

namespace BackOnTrack.Web.Account;

public sealed class SignInForm
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public bool RememberMe { get; set; }
}

public sealed class RegisterForm
{
    public string DisplayName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
    public bool AcceptNotice { get; set; }
}

/// <summary>The first admin, on first run. Same fields as sign-up; no notice to accept.</summary>
public sealed class SetupForm
{
    public string DisplayName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordForm
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class CreateTrainerForm
{
    public string DisplayName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
}

internal static class AccountRules
{
    // Stop at the first failure: an empty field says "enter your email", not that and "not an email address" too.
    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter your email address.")
            .MaximumLength(256).WithMessage("An email address has at most 256 characters.")
            .EmailAddress().WithMessage("Enter an email address like name@example.com.");

    public static IRuleBuilderOptions<T, string> ValidDisplayName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Enter the name we should greet you with.")
            .MaximumLength(100).WithMessage("A name has at most 100 characters.");

    public static IRuleBuilderOptions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule, Func<T, string?> email) =>
        rule.Must((form, password) => PasswordPolicy.Problem(password, email(form)) is null)
            .WithMessage((form, password) => PasswordPolicy.Problem(password, email(form)) ?? "");
}

public sealed class SignInFormValidator : AbstractValidator<SignInForm>
{
    public SignInFormValidator()
    {
        RuleFor(f => f.Email).ValidEmail();
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter your password.")
            .MaximumLength(PasswordPolicy.MaximumLength).WithMessage(PasswordPolicy.TooLongMessage);
    }
}

public sealed class RegisterFormValidator : AbstractValidator<RegisterForm>
{
    public RegisterFormValidator()
    {
        RuleFor(f => f.DisplayName).ValidDisplayName();
        RuleFor(f => f.Email).ValidEmail();
        RuleFor(f => f.Password).StrongPassword(f => f.Email);
        RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage("The two passwords do not match.");
        RuleFor(f => f.AcceptNotice).Equal(true).WithMessage("Please confirm you have read the notice above.");
    }
}

public sealed class SetupFormValidator : AbstractValidator<SetupForm>
{
    public SetupFormValidator()
    {
        RuleFor(f => f.DisplayName).ValidDisplayName();
        RuleFor(f => f.Email).ValidEmail();
        RuleFor(f => f.Password).StrongPassword(f => f.Email);
        RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage("The two passwords do not match.");
    }
}

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator()
    {
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
        RuleFor(f => f.NewPassword).StrongPassword(_ => null)
            .NotEqual(f => f.CurrentPassword).WithMessage("Choose a password different from the current one.");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage("The two passwords do not match.");
    }
}

public sealed class CreateTrainerFormValidator : AbstractValidator<CreateTrainerForm>
{
    public CreateTrainerFormValidator()
    {
        RuleFor(f => f.DisplayName).ValidDisplayName();
        RuleFor(f => f.Email).ValidEmail();
        RuleFor(f => f.Password).StrongPassword(f => f.Email);
    }
}
