using BackOnTrack.Web.Account;
using BackOnTrack.Web.Components.Forms;
using Bunit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace BackOnTrack.Web.Tests.Components.Forms;

public sealed class ModelValidatorTests : BunitContext
{
    public ModelValidatorTests()
    {
        // The same registration the app makes.
        Services.AddValidatorsFromAssemblyContaining<SignInFormValidator>(ServiceLifetime.Singleton);
    }

    private static List<string> Messages(IRenderedComponent<SignInFormHost> form) =>
        form.FindAll(".validation-message").Select(m => m.TextContent.Trim()).ToList();

    [Fact]
    public void An_invalid_submit_shows_each_message_inline_and_does_not_submit()
    {
        var form = Render<SignInFormHost>();
        Messages(form).ShouldBeEmpty("nothing is shown before the person acts");

        form.Find("form").Submit();

        Messages(form).ShouldBe(["Enter your email address.", "Enter your password."]);
        form.Instance.ValidSubmits.ShouldBe(0);
        form.Find("#email").ClassList.ShouldContain("invalid");
    }

    [Fact]
    public void Fixing_a_field_clears_its_message_and_leaves_the_others()
    {
        var form = Render<SignInFormHost>();
        form.Find("form").Submit();

        form.Find("#email").Change("maya@example.com");

        Messages(form).ShouldBe(["Enter your password."]);
        form.Find("#email").ClassList.ShouldNotContain("invalid");
    }

    [Fact]
    public void Editing_a_field_shows_its_own_message_without_a_submit()
    {
        var form = Render<SignInFormHost>();

        form.Find("#email").Change("not-an-email");

        Messages(form).ShouldBe(["Enter an email address like name@example.com."]);
    }

    [Fact]
    public void A_valid_form_submits()
    {
        var form = Render<SignInFormHost>();
        form.Find("#email").Change("maya@example.com");
        form.Find("#password").Change("river stones and tea");

        form.Find("form").Submit();

        form.Instance.ValidSubmits.ShouldBe(1);
        Messages(form).ShouldBeEmpty();
    }

    [Fact]
    public void A_server_side_message_added_to_a_field_is_shown_and_cleared_by_the_next_submit()
    {
        var form = Render<SignInFormHost>();
        form.Find("#email").Change("maya@example.com");
        form.Find("#password").Change("river stones and tea");

        form.InvokeAsync(() => form.Instance.Validator!.AddError(nameof(SignInForm.Email), "An account with this email already exists."));

        form.WaitForAssertion(() => Messages(form).ShouldBe(["An account with this email already exists."]));
        form.Find("form").Submit();
        Messages(form).ShouldBeEmpty();
        form.Instance.ValidSubmits.ShouldBe(1);
    }

    [Fact]
    public void A_form_model_without_a_validator_fails_loudly_naming_the_model()
    {
        var error = Should.Throw<InvalidOperationException>(() => Render<BareFormHost<UnvalidatedForm>>());

        error.Message.ShouldBe("No FluentValidation validator is registered for UnvalidatedForm.");
    }

    [Fact]
    public void The_validator_outside_an_EditForm_fails_loudly()
    {
        var error = Should.Throw<InvalidOperationException>(() => Render<ModelValidator>());

        error.Message.ShouldContain("must be placed inside an EditForm");
    }

    public sealed class UnvalidatedForm
    {
        public string Name { get; set; } = "";
    }
}
