using System.Security.Claims;
using BackOnTrack.Web.Account;
using BackOnTrack.Web.Components.Pages;
using BackOnTrack.Web.Members;
using Bunit;
using Bunit.TestDoubles;

namespace BackOnTrack.Web.Tests.Components.Pages;

public sealed class HomeTests : BunitContext
{
    public HomeTests()
    {
        // The member's own panels (plan, sessions) have their own tests and services; here only the page frame matters.
        ComponentFactories.AddStub<MemberHome>();
    }

    [Fact]
    public void Anonymous_visitors_see_the_welcome_with_sign_up_and_sign_in()
    {
        AddAuthorization();

        var home = Render<Home>();

        home.Find("h1").TextContent.ShouldBe("Build a stronger lower back, safely");
        home.FindAll("a").Select(a => a.GetAttribute("href")).ShouldBe(["/account/register", "/account/login"]);
    }

    [Fact]
    public void A_member_is_greeted_by_name_on_their_home_page()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("maya@example.com");
        auth.SetRoles("Member");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "member-1"), new Claim(AccountClaims.DisplayName, "Maya"));

        var home = Render<Home>();

        home.Find("h1").TextContent.ShouldBe("Hello, Maya");
        home.FindAll("a[href='/account/register']").ShouldBeEmpty();
        home.FindComponents<Stub<MemberHome>>().ShouldHaveSingleItem()
            .Instance.Parameters.Get(m => m.MemberId).ShouldBe("member-1");
        home.FindAll("a[href='/trainer']").ShouldBeEmpty();
    }

    [Fact]
    public void Staff_are_pointed_to_their_clients()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("owner@gym.example");
        auth.SetRoles("Admin");
        auth.SetClaims(new Claim(AccountClaims.DisplayName, "Owner"));

        var home = Render<Home>();

        home.Find("h1").TextContent.ShouldBe("Hello, Owner");
        home.Find("a[href='/trainer']").TextContent.ShouldBe("Clients");
        home.FindAll("a[href='/account/register']").ShouldBeEmpty();
    }
}
