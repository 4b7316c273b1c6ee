using AutoMl.Infrastructure.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Models;

internal sealed class ModelConfiguration : IEntityTypeConfiguration<Model>
{
    public void Configure(EntityTypeBuilder<Model> builder)
    {
        builder.ToTable("models");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Task).HasMaxLength(16);
        builder.Property(m => m.Target).HasMaxLength(300);
        builder.Property(m => m.Metric).HasMaxLength(16);
        builder.Property(m => m.BundleKey).HasMaxLength(300);
        foreach (var json in new[] { nameof(Model.MetricsJson), nameof(Model.ClassesJson), nameof(Model.ImportanceJson), nameof(Model.CurvesJson), nameof(Model.LeaderboardJson), nameof(Model.InputColumnsJson), nameof(Model.BaselineJson), nameof(Model.ThresholdChoiceJson) })
        {
            builder.Property(json).HasColumnType("jsonb");
        }
        builder.HasIndex(m => new { m.UserId, m.CreatedAt });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
