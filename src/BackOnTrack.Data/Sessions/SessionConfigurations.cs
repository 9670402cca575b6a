using BackOnTrack.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOnTrack.Data.Sessions;

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSessionRow>
{
    public void Configure(EntityTypeBuilder<TrainingSessionRow> builder)
    {
        builder.ToTable("TrainingSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.MemberId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.Kind).HasMaxLength(40).IsRequired();
        builder.Property(s => s.Status).HasMaxLength(40).IsRequired();
        builder.Property(s => s.Device).HasMaxLength(20).IsRequired();
        builder.Property(s => s.EventCount).IsConcurrencyToken();
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.MemberId, s.StartedUtc });
        builder.HasIndex(s => new { s.MemberId, s.Status });
        builder.HasMany(s => s.Events).WithOne().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionEventConfiguration : IEntityTypeConfiguration<SessionEventRow>
{
    public void Configure(EntityTypeBuilder<SessionEventRow> builder)
    {
        builder.ToTable("SessionEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Type).HasMaxLength(80).IsRequired();
        builder.Property(e => e.Payload).IsRequired();
        builder.HasIndex(e => new { e.SessionId, e.Sequence }).IsUnique();
    }
}
