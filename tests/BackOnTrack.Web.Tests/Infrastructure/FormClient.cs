using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace BackOnTrack.Web.Tests.Infrastructure;

/// <summary>
/// Drives the static server-rendered forms (/account/*, /setup) the way a browser without JavaScript
/// would: GET the page, read the form's hidden fields (the antiforgery token and Blazor's <c>_handler</c>
/// form name), fill the named inputs (<c>Input.Email</c>, ...), POST, and keep the cookies.
/// </summary>
public sealed class FormClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    public async Task<HtmlPage> GetPageAsync(string path)
    {
        using var response = await GetAsync(path);
        return await HtmlPage.ReadAsync(response);
    }

    /// <summary>
    /// Opens <paramref name="path"/>, finds the form Blazor named <paramref name="formName"/>, and submits it
    /// with <paramref name="fields"/> over the form's own values. The response is returned as is (redirects not followed).
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var page = await GetPageAsync(path);
        page.Status.ShouldBe(HttpStatusCode.OK, $"GET {path} before submitting '{formName}'");
        var form = page.Form(formName);
        return await PostAsync(form.Action is { Length: > 0 } action ? action : path, MergeFields(form, fields));
    }

    /// <summary>Posts raw fields (for requests a page would not make, like a second setup after the page is gone).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        Http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);

    /// <summary>Any antiforgery token this client's cookies can use, read from a page that has a form.</summary>
    public async Task<string> AntiforgeryTokenAsync(string fromPath = "/account/login")
    {
        var page = await GetPageAsync(fromPath);
        return page.Document.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"{fromPath} has no antiforgery token.");
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        SubmitAsync("/account/login", "sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public async Task<HttpResponseMessage> SignOutAsync()
    {
        var token = await AntiforgeryTokenAsync();
        return await PostAsync("/account/logout", [new("__RequestVerificationToken", token), new("returnUrl", "/")]);
    }

    public void Dispose() => Http.Dispose();

    public static HtmlPage Parse(HttpStatusCode status, string html) => new(status, html, Parser.ParseDocument(html));

    private static List<KeyValuePair<string, string>> MergeFields(IHtmlFormElement form, IReadOnlyDictionary<string, string> fields)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (fields.ContainsKey(input.Name!) || (input.Type is "checkbox" or "radio" && !input.IsChecked))
            {
                continue;
            }

            values.Add(new(input.Name!, input.Value));
        }

        var known = form.QuerySelectorAll("[name]").Select(e => e.GetAttribute("name")).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            known.ShouldContain(name, $"the form has no field named {name}");
            values.Add(new(name, value));
        }

        return values;
    }
}
