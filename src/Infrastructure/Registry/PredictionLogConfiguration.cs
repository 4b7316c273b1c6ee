using AutoMl.Infrastructure.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Registry;

internal sealed class PredictionLogConfiguration : IEntityTypeConfiguration<PredictionLog>
{
    public void Configure(EntityTypeBuilder<PredictionLog> builder)
    {
        // Created by the migration's own SQL as a partitioned table, which EF's migrations cannot express.
        builder.ToTable("prediction_logs", t => t.ExcludeFromMigrations());
        builder.HasKey(l => new { l.At, l.RequestId, l.Role });
        builder.Property(l => l.Role).HasMaxLength(8);
        builder.Property(l => l.InputsJson).HasColumnType("jsonb");
        builder.Property(l => l.OutputsJson).HasColumnType("jsonb");
    }
}

internal sealed class PredictionFeedbackConfiguration : IEntityTypeConfiguration<PredictionFeedback>
{
    public void Configure(EntityTypeBuilder<PredictionFeedback> builder)
    {
        builder.ToTable("prediction_feedback");
        builder.HasKey(f => f.RequestId);
        builder.Property(f => f.ActualJson).HasColumnType("jsonb");
        builder.HasIndex(f => new { f.EndpointId, f.At });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ServingEndpoint>().WithMany().HasForeignKey(f => f.EndpointId).OnDelete(DeleteBehavior.Cascade);
    }
}
