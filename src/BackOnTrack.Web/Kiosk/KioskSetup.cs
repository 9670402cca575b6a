using System.Security.Claims;
using BackOnTrack.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace BackOnTrack.Web.Kiosk;

/// <summary>The kiosk feature's registrations, pipeline step and endpoints.</summary>
public static class KioskSetup
{
    public static IServiceCollection AddKiosk(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KioskOptions>()
            .Bind(configuration.GetSection(KioskOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<KioskDeviceLimiter>();
        services.AddScoped<KioskSignIn>();
        services.AddSingleton<KioskCalls>();
        services.AddScoped<KioskScreen>();

        services.AddAuthorizationBuilder().AddPolicy(KioskClaims.MemberOnKioskPolicy, policy => policy
            .RequireRole(Roles.Member)
            .RequireClaim(KioskClaims.KioskId));

        // A kiosk sign-in is valid only from the tablet that holds the kiosk's credential, and only while the
        // kiosk is not revoked: checked on every request, before Identity's own security-stamp check.
        services.ConfigureApplicationCookie(cookie =>
        {
            var inner = cookie.Events.OnValidatePrincipal;
            cookie.Events.OnValidatePrincipal = async context =>
            {
                if (context.Principal?.IsKiosk() == true)
                {
                    var device = await KioskDeviceCookie.CurrentAsync(context.HttpContext);
                    if (device is null || device.Id != context.Principal.KioskIdOf())
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                        return;
                    }
                }

                await inner(context);
            };
        });

        // Identity rebuilds the principal when it re-checks the security stamp; keep the kiosk claims, or a
        // kiosk sign-in would silently become a full member sign-in.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            var inner = options.OnRefreshingPrincipal;
            options.OnRefreshingPrincipal = async context =>
            {
                if (inner is not null)
                {
                    await inner(context);
                }

                var kiosk = context.CurrentPrincipal?.Claims.Where(c => c.Type is KioskClaims.KioskId or KioskClaims.Location).ToList() ?? [];
                if (kiosk.Count > 0 && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaims(kiosk.Select(c => new Claim(c.Type, c.Value)));
                }
            };
        });

        return services;
    }

    /// <summary>Runs after authentication: kiosk principals reach only kiosk endpoints.</summary>
    public static IApplicationBuilder UseKioskBoundary(this IApplicationBuilder app) => app.UseMiddleware<KioskBoundaryMiddleware>();

    public static void MapKioskEndpoints(this IEndpointRouteBuilder app)
    {
        // Sign-out is harmless to forge (and the auth cookie is SameSite=Lax), and it must work even when the
        // sign-in has just expired, so it takes no antiforgery token. GET serves the idle time-out's navigation.
        var signOut = app.MapMethods("/kiosk/sign-out", [HttpMethods.Get, HttpMethods.Post], async (HttpContext http, SignInManager<UserAccount> signIn) =>
        {
            if (http.User.Identity?.IsAuthenticated == true)
            {
                await signIn.SignOutAsync();
            }

            // Wipe the page cache and any browser storage this origin holds (cookies stay: the device credential).
            http.Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
            return TypedResults.Redirect("/kiosk");
        });
        signOut.AllowAnonymous().DisableAntiforgery().WithMetadata(KioskAllowedAttribute.Instance);

        // The welcome screen's "Call a trainer" (a static page, so a form post). The device cookie is
        // SameSite=Strict, so a cross-site post never carries it and is refused.
        app.MapPost("/kiosk/call-trainer", async (HttpContext http, KioskCalls calls) =>
        {
            var device = await KioskDeviceCookie.CurrentAsync(http);
            if (device is null)
            {
                // A body of its own: an empty 403 would be re-executed as a POST to the not-found page.
                return Results.Text("This device is not a kiosk.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
            }

            var memberId = http.User.IsKiosk() ? http.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
            await calls.CallTrainerAsync(device.Id, device.Location, memberId, null, http.RequestAborted);
            return Results.Redirect("/kiosk?trainer=called");
        }).AllowAnonymous().DisableAntiforgery().WithMetadata(KioskAllowedAttribute.Instance);
    }
}
