using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Evaluations;

internal sealed class ModelEvaluationConfiguration : IEntityTypeConfiguration<ModelEvaluation>
{
    public void Configure(EntityTypeBuilder<ModelEvaluation> builder)
    {
        builder.ToTable("model_evaluations");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Status).HasMaxLength(16);
        builder.Property(e => e.Error).HasMaxLength(Jobs.JobOutcome.Failed.MaxLength);
        builder.Property(e => e.MetricsJson).HasColumnType("jsonb");
        builder.Property(e => e.CurvesJson).HasColumnType("jsonb");
        builder.HasIndex(e => new { e.ModelId, e.CreatedAt });
        builder.HasIndex(e => e.JobId).IsUnique();
        builder.HasOne<Model>().WithMany().HasForeignKey(e => e.ModelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
