using BackOnTrack.Data.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace BackOnTrack.Web.Trainer;

public static class TrainerServiceCollectionExtensions
{
    /// <summary>The trainer workspace: client access (resource-based, 404 for clients not linked), triage, plan changes, demo data.</summary>
    public static IServiceCollection AddTrainerWorkspace(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ClientAccess>();
        services.AddSingleton<IAuthorizationHandler, ClientAccessHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ClientNotFoundResultHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(TrainerPolicies.LinkedClient, policy => policy
                .RequireRole(Roles.Trainer, Roles.Admin)
                .AddRequirements(new ClientAccessRequirement()));
        services.AddSingleton<TrainerDashboard>();
        services.AddSingleton<TrainerPlanChanges>();

        services.AddOptions<DemoDataOptions>()
            .Bind(configuration.GetSection(DemoDataOptions.SectionName))
            .Validate<IHostEnvironment>((demo, environment) => !(demo.Enabled && environment.IsProduction()),
                "DemoData:Enabled must not be true in the Production environment: demo accounts would be created with passwords in the log.")
            .ValidateOnStart();
        services.AddHostedService<DemoDataSeeder>();
        return services;
    }
}
