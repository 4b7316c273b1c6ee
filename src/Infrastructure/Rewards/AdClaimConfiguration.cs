using AutoMl.Infrastructure.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Rewards;

internal sealed class AdClaimConfiguration : IEntityTypeConfiguration<AdClaim>
{
    public void Configure(EntityTypeBuilder<AdClaim> builder)
    {
        builder.ToTable("ad_claims");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TransactionId).HasMaxLength(128);
        builder.HasIndex(c => c.TransactionId).IsUnique();
        builder.Property(c => c.AdUnit).HasMaxLength(64);
        builder.Property(c => c.DeviceId).HasMaxLength(128);
        builder.Property(c => c.Ip).HasMaxLength(64);
        builder.Property(c => c.RiskReasons).HasMaxLength(300);
        builder.Property(c => c.ReviewNote).HasMaxLength(300);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => new { c.Status, c.CreatedAt });
        builder.HasIndex(c => new { c.UserId, c.CreatedAt });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AdDailyCountConfiguration : IEntityTypeConfiguration<AdDailyCount>
{
    public void Configure(EntityTypeBuilder<AdDailyCount> builder)
    {
        builder.ToTable("ad_daily_counts", t => t.HasCheckConstraint("ck_ad_daily_counts_claims_not_negative", "claims >= 0"));
        builder.HasKey(c => new { c.UserId, c.Day });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
