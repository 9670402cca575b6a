using BackOnTrack.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOnTrack.Data.Trainers;

internal sealed class TrainerClientLinkConfiguration : IEntityTypeConfiguration<TrainerClientLinkRow>
{
    public void Configure(EntityTypeBuilder<TrainerClientLinkRow> builder)
    {
        builder.ToTable("TrainerClientLinks");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.TrainerId).HasMaxLength(450).IsRequired();
        builder.Property(l => l.MemberId).HasMaxLength(450).IsRequired();
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(l => l.TrainerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(l => l.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.TrainerId, l.EndedUtc });
        builder.HasIndex(l => l.MemberId).IsUnique().HasFilter("\"EndedUtc\" IS NULL");
    }
}

internal sealed class TrainerInviteConfiguration : IEntityTypeConfiguration<TrainerInviteRow>
{
    public void Configure(EntityTypeBuilder<TrainerInviteRow> builder)
    {
        builder.ToTable("TrainerInvites");
        builder.HasKey(i => i.Code);
        builder.Property(i => i.Code).HasMaxLength(16);
        builder.Property(i => i.TrainerId).HasMaxLength(450).IsRequired();
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(i => i.TrainerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(i => i.UsedByMemberId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TrainerNoteConfiguration : IEntityTypeConfiguration<TrainerNoteRow>
{
    public void Configure(EntityTypeBuilder<TrainerNoteRow> builder)
    {
        builder.ToTable("TrainerNotes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Text).HasMaxLength(4000).IsRequired();
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(n => n.TrainerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(n => n.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.MemberId, n.CreatedUtc });
    }
}

internal sealed class PlanChangeConfiguration : IEntityTypeConfiguration<PlanChangeRow>
{
    public void Configure(EntityTypeBuilder<PlanChangeRow> builder)
    {
        builder.ToTable("PlanChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasMaxLength(40).IsRequired();
        builder.Property(c => c.ExerciseId).HasMaxLength(80);
        builder.Property(c => c.Before).HasMaxLength(400);
        builder.Property(c => c.After).HasMaxLength(400);
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.MemberId, c.ChangedUtc });
    }
}

internal sealed class FlagHandledConfiguration : IEntityTypeConfiguration<FlagHandledRow>
{
    public void Configure(EntityTypeBuilder<FlagHandledRow> builder)
    {
        builder.ToTable("FlagsHandled");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.FlagKey).HasMaxLength(120).IsRequired();
        builder.Property(f => f.Note).HasMaxLength(1000);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.MemberId, f.FlagKey }).IsUnique();
    }
}

internal sealed class ClientLogAuditConfiguration : IEntityTypeConfiguration<ClientLogAuditRow>
{
    public void Configure(EntityTypeBuilder<ClientLogAuditRow> builder)
    {
        builder.ToTable("ClientLogAudit");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.TrainerId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.MemberId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.What).HasMaxLength(40).IsRequired();
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.MemberId, a.ReadUtc });
    }
}

internal sealed class FloorAlertConfiguration : IEntityTypeConfiguration<FloorAlertRow>
{
    public void Configure(EntityTypeBuilder<FloorAlertRow> builder)
    {
        builder.ToTable("FloorAlerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasMaxLength(40).IsRequired();
        builder.Property(a => a.Location).HasMaxLength(100);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.AcknowledgedUtc, a.RaisedUtc });
    }
}
