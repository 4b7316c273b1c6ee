using AutoMl.Infrastructure.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Jobs;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Queue).HasMaxLength(16);
        builder.Property(j => j.Target).HasMaxLength(300);
        builder.Property(j => j.Task).HasMaxLength(16);
        builder.Property(j => j.Metric).HasMaxLength(16);
        builder.Property(j => j.Error).HasMaxLength(2000);
        builder.Property(j => j.HangfireJobId).HasMaxLength(64);
        builder.Property(j => j.ResultKey).HasMaxLength(300);
        builder.Property(j => j.IdempotencyKey).HasMaxLength(200);
        builder.Property(j => j.RegistrationProblem).HasMaxLength(2000);
        builder.Property(j => j.RegisteredModelName).HasMaxLength(64);
        // A deleted registered model leaves its jobs; a job that had named it then registers nothing.
        builder.HasOne<Registry.RegisteredModel>().WithMany().HasForeignKey(j => j.RegisteredModelId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(j => new { j.UserId, j.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        builder.HasIndex(j => new { j.UserId, j.CreatedAt });
        builder.HasIndex(j => new { j.UserId, j.Status });
        builder.HasIndex(j => j.Status).HasFilter("status IN ('Queued', 'Running')");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(j => j.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrialConfiguration : IEntityTypeConfiguration<Trial>
{
    public void Configure(EntityTypeBuilder<Trial> builder)
    {
        builder.ToTable("job_trials");
        builder.HasKey(t => new { t.JobId, t.N });
        builder.Property(t => t.Learner).HasMaxLength(32);
        builder.Property(t => t.ParamsJson).HasColumnType("jsonb");
        builder.HasOne<Job>().WithMany().HasForeignKey(t => t.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
