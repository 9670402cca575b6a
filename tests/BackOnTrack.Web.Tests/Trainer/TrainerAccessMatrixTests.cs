using System.Net;
using BackOnTrack.Web.Tests.Infrastructure;

namespace BackOnTrack.Web.Tests.Trainer;

/// <summary>
/// Deny by default, proved for every page and endpoint of the trainer workspace: anonymous visitors are
/// sent to sign in, members get "not for this account", a trainer gets 404 for a client who is not theirs,
/// the linked trainer and the admin get the page. ("Member" is the client the pages are about.)
/// </summary>
public sealed class TrainerAccessMatrixTests(TrainerApp app) : IClassFixture<TrainerApp>
{
    public enum Expect
    {
        SignIn,
        Denied,
        NotFound,
        Ok,
    }

    private static readonly Dictionary<Who, Expect> ClientPage = new()
    {
        [Who.Anonymous] = Expect.SignIn,
        [Who.Member] = Expect.Denied,
        [Who.OtherMember] = Expect.Denied,
        [Who.LinkedTrainer] = Expect.Ok,
        [Who.UnlinkedTrainer] = Expect.NotFound,
        [Who.Admin] = Expect.Ok,
    };

    private static readonly Dictionary<Who, Expect> StaffPage = new(ClientPage) { [Who.UnlinkedTrainer] = Expect.Ok };

    private static readonly Dictionary<Who, Expect> TrainerOnlyPage = new(StaffPage) { [Who.Admin] = Expect.Denied };

    private static readonly Dictionary<Who, Expect> MemberPage = new()
    {
        [Who.Anonymous] = Expect.SignIn,
        [Who.Member] = Expect.Ok,
        [Who.OtherMember] = Expect.Ok,
        [Who.LinkedTrainer] = Expect.Denied,
        [Who.UnlinkedTrainer] = Expect.Denied,
        [Who.Admin] = Expect.Denied,
    };

    private static readonly Dictionary<Who, Expect> AdminPage = new()
    {
        [Who.Anonymous] = Expect.SignIn,
        [Who.Member] = Expect.Denied,
        [Who.OtherMember] = Expect.Denied,
        [Who.LinkedTrainer] = Expect.Denied,
        [Who.UnlinkedTrainer] = Expect.Denied,
        [Who.Admin] = Expect.Ok,
    };

    /// <summary>Every trainer-workspace address; {client} and {session} are filled in from the fixture.</summary>
    private static readonly (string Path, Dictionary<Who, Expect> Rules)[] Addresses =
    [
        ("/trainer", StaffPage),
        ("/trainer/invite", TrainerOnlyPage),
        ("/trainer/clients/{client}", ClientPage),
        ("/trainer/clients/{client}/sessions/{session}", ClientPage),
        ("/trainer/clients/{client}/report", ClientPage),
        ("/trainer/clients/{client}/log.csv", ClientPage),
        ("/account/trainer", MemberPage),
        ("/admin/clients", AdminPage),
    ];

    public static TheoryData<string, Who, Expect> Matrix()
    {
        var data = new TheoryData<string, Who, Expect>();
        foreach (var (path, rules) in Addresses)
        {
            foreach (var (who, expect) in rules)
            {
                data.Add(path, who, expect);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_open_what(string template, Who who, Expect expected)
    {
        var path = template.Replace("{client}", app.ClientId, StringComparison.Ordinal).Replace("{session}", app.SessionId.ToString(), StringComparison.Ordinal);
        using var client = await app.ClientForAsync(who);

        using var response = await client.GetAsync(path);

        switch (expected)
        {
            case Expect.SignIn:
                response.ShouldRedirect().ShouldStartWith("/account/login?ReturnUrl=", customMessage: $"{who} GET {path}");
                break;
            case Expect.Denied:
                response.ShouldRedirect().ShouldStartWith("/account/denied", customMessage: $"{who} GET {path}");
                break;
            case Expect.NotFound:
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{who} GET {path}");
                var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                body.ShouldNotContain("Cleo", customMessage: "a 404 reveals nothing about the client");
                break;
            case Expect.Ok:
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{who} GET {path}");
                break;
        }
    }

    [Theory]
    [InlineData(Who.LinkedTrainer)]
    [InlineData(Who.Admin)]
    public async Task A_client_or_session_that_does_not_exist_is_not_found_even_for_staff(Who who)
    {
        using var client = await app.ClientForAsync(who);

        using var noClient = await client.GetAsync("/trainer/clients/no-such-member");
        using var noCsv = await client.GetAsync("/trainer/clients/no-such-member/log.csv");
        using var notAClient = await client.GetAsync($"/trainer/clients/{app.LinkedTrainerId}/report");

        noClient.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        noCsv.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        notAClient.StatusCode.ShouldBe(HttpStatusCode.NotFound, "a trainer's own account is not a client's log");
    }

    [Fact]
    public async Task A_trainer_whose_link_ended_gets_404_at_once()
    {
        var memberId = (await app.CreateAccountAsync($"ended-{Guid.NewGuid():N}@trainer-tests.example", TrainerApp.Password, Data.Accounts.Roles.Member)).Id;
        await app.Trainers.AssignAsync(app.LinkedTrainerId, memberId, "test", DateTime.UtcNow, TestContext.Current.CancellationToken);
        using var trainer = await app.ClientForAsync(Who.LinkedTrainer);
        using (var before = await trainer.GetAsync($"/trainer/clients/{memberId}/log.csv"))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await app.Trainers.EndLinkAsync(memberId, memberId, DateTime.UtcNow, cancellationToken: TestContext.Current.CancellationToken);

        using var after = await trainer.GetAsync($"/trainer/clients/{memberId}/log.csv");
        after.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
