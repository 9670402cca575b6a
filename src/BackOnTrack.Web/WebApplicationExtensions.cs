using BackOnTrack.Data;
using System.Security.Claims;
using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Members;
using BackOnTrack.Web.Members;
using BackOnTrack.Web.Account;
using BackOnTrack.Web.Components;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Serilog;

namespace BackOnTrack.Web;

public static class WebApplicationExtensions
{
    /// <summary>The content security policy the app runs under (checked in Chromium for violations).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; media-src 'self' data:; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    /// <summary>Checks the built-in exercise library, then creates and migrates the database and seeds it, and primes the member path's one-time work, before the first request.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var problems = app.Services.GetRequiredService<BackOnTrack.Domain.Library.ExerciseLibrary>().Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The exercise library is invalid: " + string.Join("; ", problems.Select(p => p.ToString())));
        }

        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await app.Services.GetRequiredService<StorePriming>().PrimeAsync();
        await AccountPriming.PrimeAsync(app.Services);
    }

    public static WebApplication UseBackOnTrack(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            await next();
        });

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseSerilogRequestLogging();
        app.UseRateLimiter();

        // First run: until an admin exists, the front door leads to the one-time setup page.
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path == "/"
                && !await context.RequestServices.GetRequiredService<FirstRun>().AdminExistsAsync(context.RequestAborted))
            {
                context.Response.Redirect("/setup");
                return;
            }

            await next();
        });

        app.UseAuthentication();
        app.UseMiddleware<BackOnTrack.Web.Kiosk.KioskBoundaryMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous().WithMetadata(BackOnTrack.Web.Kiosk.KioskAllowedAttribute.Instance);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapAccountEndpoints();
        BackOnTrack.Web.Kiosk.KioskSetup.MapKioskEndpoints(app);
        BackOnTrack.Web.Trainer.TrainerEndpoints.MapTrainerEndpoints(app);

        app.MapRazorComponents<App>()
            // The app's own policy already says frame-ancestors 'none'; without this Blazor adds a second
            // Content-Security-Policy header (frame-ancestors 'self') to every page response.
            .AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = null)
            .Add(endpoint =>
            {
                // The circuit hub and the framework script serve public pages too; each page states its own policy.
                if (endpoint is RouteEndpointBuilder route
                    && (route.RoutePattern.RawText?.StartsWith("/_blazor", StringComparison.Ordinal) == true
                        || route.RoutePattern.RawText?.StartsWith("/_framework", StringComparison.Ordinal) == true))
                {
                    route.Metadata.Add(new AllowAnonymousAttribute());
                    route.Metadata.Add(BackOnTrack.Web.Kiosk.KioskAllowedAttribute.Instance);
                }
            });

        return app;
    }

    private static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", async (SignInManager<UserAccount> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(ReturnUrls.Safe(returnUrl));
        });

        var export = app.MapGroup("/account").RequireAuthorization(policy => policy.RequireRole(Roles.Member));
        export.MapGet("/export.json", async (ClaimsPrincipal user, PersonalDataStore data, TimeProvider clock) =>
            TypedResults.File(await data.JsonAsync(user.UserId(), clock.GetUtcNow().UtcDateTime), "application/json", "backontrack-my-data.json"));
        export.MapGet("/export.zip", async (ClaimsPrincipal user, PersonalDataStore data) =>
            TypedResults.File(await data.CsvZipAsync(user.UserId()), "application/zip", "backontrack-my-data.zip"));

        app.MapGet("/preferences/theme", (HttpContext http, string? mode, string? returnUrl) =>
        {
            var value = mode is "dark" or "light" ? mode : "light";
            http.Response.Cookies.Append(ThemeCookie.Name, value, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
            return TypedResults.LocalRedirect(ReturnUrls.Safe(returnUrl));
        }).AllowAnonymous();
    }
}
