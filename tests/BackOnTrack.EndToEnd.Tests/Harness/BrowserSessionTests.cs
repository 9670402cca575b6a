using BackOnTrack.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace BackOnTrack.EndToEnd.Tests.Harness;

/// <summary>The problem watcher every journey relies on really sees console errors and CSP violations.</summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class BrowserSessionTests(BrowserFixture browser, BrowserSessionTests.Server server)
    : EndToEndTest(browser), IClassFixture<BrowserSessionTests.Server>
{
    public sealed class Server : AppServerFixture;

    [Fact]
    public async Task A_console_error_fails_the_next_step()
    {
        var you = await OpenAsync(server.Server, Viewport.Desktop);
        await you.Page.GotoAsync("/account/login");

        await you.Page.EvaluateAsync("() => console.error('something broke')");

        var failure = await Should.ThrowAsync<FailException>(() => you.StepAsync("after-console-error"));
        failure.Message.ShouldContain("console error: something broke");
    }

    [Fact]
    public async Task An_inline_script_blocked_by_the_content_security_policy_is_reported()
    {
        var you = await OpenAsync(server.Server, Viewport.Desktop);
        await you.Page.GotoAsync("/account/login");

        await you.Page.EvaluateAsync("""
            () => {
                const script = document.createElement('script');
                script.textContent = 'window.injected = true;';
                document.body.appendChild(script);
            }
            """);

        await Assertions.Expect(you.Page.Locator("body")).ToBeVisibleAsync();
        (await you.Page.EvaluateAsync<bool>("() => window.injected === true")).ShouldBeFalse("the policy blocks inline scripts");
        await Poll(() => you.Problems.Any(p => p.StartsWith("CSP violation: script-src", StringComparison.Ordinal)));
        var failure = Should.Throw<FailException>(() => you.AssertNoProblems());
        failure.Message.ShouldContain("CSP violation: script-src");
    }

    [Fact]
    public async Task A_clean_page_has_no_problems()
    {
        var you = await OpenAsync(server.Server, Viewport.Phone);

        await you.Page.GotoAsync("/account/register");
        await Assertions.Expect(you.Page.GetByRole(AriaRole.Heading, new() { Name = "Create your account" })).ToBeVisibleAsync();

        await you.StepAsync("register");
        you.Problems.ShouldBeEmpty();
    }

    private static async Task Poll(Func<bool> condition)
    {
        // Browser events arrive asynchronously; wait for the condition instead of sleeping a fixed time.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The browser never reported the expected problem.");
            }

            await Task.Delay(25);
        }
    }
}
