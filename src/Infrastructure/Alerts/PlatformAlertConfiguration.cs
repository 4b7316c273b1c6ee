using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Alerts;

internal sealed class PlatformAlertConfiguration : IEntityTypeConfiguration<PlatformAlert>
{
    public void Configure(EntityTypeBuilder<PlatformAlert> builder)
    {
        builder.ToTable("platform_alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Rule).HasMaxLength(64);
        builder.Property(a => a.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Message).HasMaxLength(2000);
        // One open alert per rule, even if two evaluations ever overlap.
        builder.HasIndex(a => a.Rule).IsUnique().HasFilter("cleared_at IS NULL");
        builder.HasIndex(a => new { a.Rule, a.NotifiedAt });
        builder.HasIndex(a => new { a.FirstSeenAt, a.Id });
    }
}
