using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOnTrack.Data.Members;

internal sealed class MemberProfileConfiguration : IEntityTypeConfiguration<MemberProfileRow>
{
    public void Configure(EntityTypeBuilder<MemberProfileRow> builder)
    {
        builder.ToTable("MemberProfiles");
        builder.HasKey(p => p.MemberId);
        builder.Property(p => p.Goal).HasMaxLength(200);
        builder.Property(p => p.TimeZoneId).HasMaxLength(100);
        builder.Property(p => p.MemberCode).HasMaxLength(16);
        builder.Property(p => p.PinHash).HasMaxLength(200);
        builder.HasIndex(p => p.MemberCode).IsUnique();
        builder.HasOne<UserAccount>().WithOne().HasForeignKey<MemberProfileRow>(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RedFlagScreeningConfiguration : IEntityTypeConfiguration<RedFlagScreeningRow>
{
    public void Configure(EntityTypeBuilder<RedFlagScreeningRow> builder)
    {
        builder.ToTable("RedFlagScreenings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.MemberId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.ClearNote).HasMaxLength(1000);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.MemberId, s.TakenUtc });
    }
}

internal sealed class NextDayCheckConfiguration : IEntityTypeConfiguration<NextDayCheckRow>
{
    public void Configure(EntityTypeBuilder<NextDayCheckRow> builder)
    {
        builder.ToTable("NextDayChecks");
        builder.HasKey(c => c.SessionId);
        builder.Property(c => c.MemberId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.Answer).HasMaxLength(20).IsRequired();
        builder.HasOne<TrainingSessionRow>().WithOne().HasForeignKey<NextDayCheckRow>(c => c.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(c => c.MemberId);
    }
}
