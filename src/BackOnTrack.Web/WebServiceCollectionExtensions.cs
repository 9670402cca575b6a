using System.Threading.RateLimiting;
using BackOnTrack.Data;
using BackOnTrack.Data.Accounts;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using BackOnTrack.Web.Account;
using BackOnTrack.Web.Session;
using BackOnTrack.Web.Trainer;
using FluentValidation;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Serilog;

namespace BackOnTrack.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>Everything the web app needs: logging, Blazor, MudBlazor, accounts, validation, rate limits, health checks.</summary>
    public static IServiceCollection AddBackOnTrackWeb(this IServiceCollection services, IConfiguration configuration)
    {
        // Non-static Serilog registration: several test hosts can run in one process.
        services.AddSerilog((sp, logger) => logger
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(sp)
            .Enrich.FromLogContext());

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddValidatorsFromAssemblyContaining<SignInFormValidator>(ServiceLifetime.Singleton);
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);

        services.AddAccounts(configuration);
        services.AddTraining(configuration);
        BackOnTrack.Web.Kiosk.KioskSetup.AddKiosk(services, configuration);
        services.AddTrainerWorkspace(configuration);
        BackOnTrack.Web.Diagnostics.PerfDiagnostics.AddPerfDiagnostics(services, configuration); // off unless PerfDiagnostics:Enabled (perf/ harness)

        services.AddHealthChecks().AddDbContextCheck<BackOnTrackDbContext>("database", tags: ["ready"]);
        return services;
    }

    private static void AddTraining(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ExerciseLibrary.BuiltIn);
        services.AddOptions<ProgressionOptions>()
            .Bind(configuration.GetSection(ProgressionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => new ProgressionAdvisor(
            sp.GetRequiredService<IOptions<ProgressionOptions>>().Value.ToRules(), sp.GetRequiredService<ExerciseLibrary>()));
        services.AddOptions<SessionTimingOptions>()
            .Bind(configuration.GetSection(SessionTimingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SessionLauncher>();
        services.AddSingleton<SessionFollowUp>();
        services.AddSingleton<BackOnTrack.Web.Trainer.FloorAlerts>();
        services.AddScoped<SessionRunner>();
        services.AddSingleton<BackOnTrack.Web.Members.PlanChanges>();
    }

    private static void AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.Cookie.Name = "BackOnTrack.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
        });

        services.AddIdentityCore<UserAccount>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<BackOnTrackDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AccountClaims>()
            .AddPasswordValidator<PasswordPolicy>()
            .AddDefaultTokenProviders();

        // OWASP's figure for PBKDF2-HMAC-SHA512 (Identity's V3 format); the framework default is 100,000.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddSingleton<FirstRun>();

        // Keys live in the data folder, so sign-ins survive a restart.
        services.AddOptions<KeyManagementOptions>().Configure<DataPaths>((options, paths) =>
            options.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(paths.DataDirectory, "keys")), NullLoggerFactory.Instance));
        services.AddDataProtection().SetApplicationName("BackOnTrack");

        services.AddOptions<SignInRateLimitOptions>()
            .Bind(configuration.GetSection(SignInRateLimitOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "Too many attempts from this device. Wait a minute, then try again.", cancellationToken);
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method)
                    || !SignInRateLimitOptions.LimitedPaths.Any(p => http.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var permits = http.RequestServices.GetRequiredService<IOptions<SignInRateLimitOptions>>().Value.PermitsPerMinute;
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter("sign-in:" + client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
    }
}
