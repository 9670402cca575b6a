using BackOnTrack.Data.Accounts;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BackOnTrack.Data;

/// <summary>One database for identity and training data. Use it through IDbContextFactory, one context per operation.</summary>
public class BackOnTrackDbContext(DbContextOptions<BackOnTrackDbContext> options)
    : IdentityDbContext<UserAccount>(options)
{
    public DbSet<Sessions.TrainingSessionRow> TrainingSessions => Set<Sessions.TrainingSessionRow>();

    public DbSet<Sessions.SessionEventRow> SessionEvents => Set<Sessions.SessionEventRow>();

    public DbSet<Members.MemberProfileRow> MemberProfiles => Set<Members.MemberProfileRow>();

    public DbSet<Members.RedFlagScreeningRow> RedFlagScreenings => Set<Members.RedFlagScreeningRow>();

    public DbSet<Members.NextDayCheckRow> NextDayChecks => Set<Members.NextDayCheckRow>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BackOnTrackDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
