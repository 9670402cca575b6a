using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOnTrack.Data.Kiosks;

internal sealed class KioskDeviceConfiguration : IEntityTypeConfiguration<KioskDeviceRow>
{
    public void Configure(EntityTypeBuilder<KioskDeviceRow> builder)
    {
        builder.ToTable("KioskDevices");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(100).IsRequired();
        builder.Property(k => k.Location).HasMaxLength(100).IsRequired();
        builder.Property(k => k.TokenHash).HasMaxLength(200).IsRequired();
        builder.Property(k => k.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(k => k.TokenHash).IsUnique();
    }
}
