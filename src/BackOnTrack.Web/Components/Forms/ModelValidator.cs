using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace BackOnTrack.Web.Components.Forms;

/// <summary>
/// The bridge between an EditForm and FluentValidation: validates the form model with its registered
/// <see cref="IValidator{T}"/> on submit and field by field as the user edits, and shows the messages
/// inline through ValidationMessage/ValidationSummary. (FluentValidation.AspNetCore does nothing for Blazor.)
/// </summary>
public sealed class ModelValidator : ComponentBase, IDisposable
{
    private EditContext? _attached;
    private ValidationMessageStore? _messages;
    private IValidator? _validator;

    [CascadingParameter]
    private EditContext? EditContext { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <summary>Messages from the server side (e.g. "that email is taken") that belong to a field.</summary>
    public void AddError(string fieldName, string message)
    {
        if (_attached is null || _messages is null)
        {
            return;
        }

        _messages.Add(_attached.Field(fieldName), message);
        _attached.NotifyValidationStateChanged();
    }

    protected override void OnParametersSet()
    {
        if (EditContext is null)
        {
            throw new InvalidOperationException($"{nameof(ModelValidator)} must be placed inside an EditForm.");
        }

        if (ReferenceEquals(EditContext, _attached))
        {
            return;
        }

        Detach();
        var modelType = EditContext.Model.GetType();
        _validator = Services.GetService(typeof(IValidator<>).MakeGenericType(modelType)) as IValidator
            ?? throw new InvalidOperationException($"No FluentValidation validator is registered for {modelType.Name}.");
        _attached = EditContext;
        _messages = new ValidationMessageStore(EditContext);
        EditContext.OnValidationRequested += ValidateModel;
        EditContext.OnFieldChanged += ValidateField;
    }

    private void ValidateModel(object? sender, ValidationRequestedEventArgs e)
    {
        var context = _attached!;
        _messages!.Clear();
        var result = _validator!.Validate(new ValidationContext<object>(context.Model));
        foreach (var error in result.Errors)
        {
            _messages.Add(context.Field(error.PropertyName), error.ErrorMessage);
        }

        context.NotifyValidationStateChanged();
    }

    private void ValidateField(object? sender, FieldChangedEventArgs e)
    {
        var context = _attached!;
        var field = e.FieldIdentifier;
        if (!ReferenceEquals(field.Model, context.Model))
        {
            return;
        }

        var result = _validator!.Validate(ValidationContext<object>.CreateWithOptions(
            context.Model, options => options.IncludeProperties(field.FieldName)));
        _messages!.Clear(field);
        foreach (var error in result.Errors.Where(x => x.PropertyName == field.FieldName))
        {
            _messages.Add(field, error.ErrorMessage);
        }

        context.NotifyValidationStateChanged();
    }

    private void Detach()
    {
        if (_attached is not null)
        {
            _attached.OnValidationRequested -= ValidateModel;
            _attached.OnFieldChanged -= ValidateField;
            _messages?.Clear();
        }
    }

    public void Dispose() => Detach();
}
