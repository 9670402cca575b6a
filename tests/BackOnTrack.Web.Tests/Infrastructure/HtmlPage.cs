using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;

namespace BackOnTrack.Web.Tests.Infrastructure;

/// <summary>A fetched page: status, raw HTML, parsed document, and the visible text for message checks.</summary>
public sealed record HtmlPage(HttpStatusCode Status, string Html, IHtmlDocument Document)
{
    /// <summary>The text a person reads (HTML entities decoded, whitespace collapsed).</summary>
    public string Text => string.Join(' ', (Document.Body?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The inline validation messages Blazor rendered next to the fields.</summary>
    public IReadOnlyList<string> ValidationMessages =>
        Document.QuerySelectorAll(".validation-message").Select(e => e.TextContent.Trim()).ToList();

    public static async Task<HtmlPage> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return FormClient.Parse(response.StatusCode, html);
    }

    /// <summary>The POST form Blazor rendered for <c>FormName="<paramref name="formName"/>"</c> (it carries a hidden <c>_handler</c>).</summary>
    public IHtmlFormElement Form(string formName)
    {
        var forms = Document.Forms
            .Where(f => f.QuerySelector<IHtmlInputElement>("input[name=_handler]")?.Value == formName)
            .ToList();
        forms.Count.ShouldBe(1, $"expected one form named '{formName}'; the page has: " +
            string.Join(", ", Document.Forms.Select(f => f.QuerySelector<IHtmlInputElement>("input[name=_handler]")?.Value ?? "(no _handler)")));
        forms[0].QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]").ShouldNotBeNull(
            $"form '{formName}' has no antiforgery token");
        return forms[0];
    }
}
