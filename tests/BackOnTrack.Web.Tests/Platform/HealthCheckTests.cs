using System.Net;
using BackOnTrack.Web.Tests.Infrastructure;

namespace BackOnTrack.Web.Tests.Platform;

public sealed class HealthCheckTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_Healthy_to_anonymous_callers(string path)
    {
        using var client = app.CreateFormClient();

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Health_endpoints_answer_before_first_run_setup_without_redirecting()
    {
        // This app has no admin yet: probes must still answer rather than lead to /setup.
        using var client = app.CreateFormClient();

        using var ready = await client.GetAsync("/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.AccountCountAsync()).ShouldBe(0);
    }
}
