using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackOnTrack.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the database (SQLite, one file in the data folder), the stores and the start-up initializer.</summary>
    public static IServiceCollection AddBackOnTrackData(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var folder = options.ResolveDataDirectory(contentRoot);
            return new DataPaths(folder, Path.Combine(folder, options.FileName));
        });

        // Pooled: every store call takes a context from the pool instead of building one (its services, its
        // model lookup), which is most of a short query's CPU when many circuits open at once.
        services.AddPooledDbContextFactory<BackOnTrackDbContext>((sp, builder) =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            builder.UseSqlite(options.ConnectionString(contentRoot))
                .AddInterceptors(new SqlitePragmas(options.BusyTimeoutMilliseconds));
        });

        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<StorePriming>();
        services.AddSingleton<Members.MemberStore>();
        services.AddSingleton<Sessions.SessionStore>();
        services.AddSingleton<Sessions.HistoryStore>();
        services.AddSingleton<Members.PersonalDataStore>();
        services.AddSingleton<Trainers.FloorAlertStore>();
        services.AddSingleton<Trainers.TrainerStore>();
        services.AddSingleton<Trainers.ClientLogStore>();
        services.AddSingleton<Trainers.TriageStore>();
        services.AddSingleton<Kiosks.KioskStore>();
        return services;
    }
}
