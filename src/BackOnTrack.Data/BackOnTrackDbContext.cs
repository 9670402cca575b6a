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

    public DbSet<Trainers.TrainerClientLinkRow> TrainerClientLinks => Set<Trainers.TrainerClientLinkRow>();

    public DbSet<Trainers.TrainerInviteRow> TrainerInvites => Set<Trainers.TrainerInviteRow>();

    public DbSet<Trainers.TrainerNoteRow> TrainerNotes => Set<Trainers.TrainerNoteRow>();

    public DbSet<Trainers.PlanChangeRow> PlanChanges => Set<Trainers.PlanChangeRow>();

    public DbSet<Trainers.FlagHandledRow> FlagsHandled => Set<Trainers.FlagHandledRow>();

    public DbSet<Trainers.ClientLogAuditRow> ClientLogAudit => Set<Trainers.ClientLogAuditRow>();

    public DbSet<Trainers.FloorAlertRow> FloorAlerts => Set<Trainers.FloorAlertRow>();

    public DbSet<Kiosks.KioskDeviceRow> KioskDevices => Set<Kiosks.KioskDeviceRow>();

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
