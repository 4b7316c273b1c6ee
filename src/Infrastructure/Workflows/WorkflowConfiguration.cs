using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Workflows;

internal sealed class WorkflowConfiguration : IEntityTypeConfiguration<Workflow>
{
    public void Configure(EntityTypeBuilder<Workflow> builder)
    {
        builder.ToTable("workflows");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Name).HasMaxLength(64);
        builder.Property(w => w.Target).HasMaxLength(300);
        builder.Property(w => w.Task).HasMaxLength(16);
        builder.Property(w => w.Metric).HasMaxLength(16);
        builder.Property(w => w.TimeColumn).HasMaxLength(300);
        builder.Property(w => w.Policy).HasMaxLength(16);
        builder.Property(w => w.GuardrailsJson).HasColumnType("jsonb");
        builder.Property(w => w.Cron).HasMaxLength(100);
        builder.Property(w => w.TimeZone).HasMaxLength(64);
        builder.HasIndex(w => new { w.UserId, w.Name }).IsUnique();
        builder.HasIndex(w => new { w.UserId, w.CreatedAt });
        builder.HasIndex(w => w.DatasetLineageId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RegisteredModel>().WithMany().HasForeignKey(w => w.RegisteredModelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkflowRunConfiguration : IEntityTypeConfiguration<WorkflowRun>
{
    public void Configure(EntityTypeBuilder<WorkflowRun> builder)
    {
        builder.ToTable("workflow_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Trigger).HasMaxLength(32);
        builder.Property(r => r.TriggerKey).HasMaxLength(100);
        builder.Property(r => r.Status).HasMaxLength(32);
        builder.Property(r => r.Reason).HasMaxLength(4000);
        builder.Property(r => r.Metric).HasMaxLength(16);
        builder.Property(r => r.ReportJson).HasColumnType("jsonb");
        builder.Property(r => r.DecidedBy).HasMaxLength(300);
        builder.HasIndex(r => new { r.WorkflowId, r.TriggerKey }).IsUnique();
        builder.HasIndex(r => new { r.WorkflowId, r.CreatedAt });
        // One run at a time per workflow: a second training run is refused by the database, whoever starts it.
        builder.HasIndex(r => r.WorkflowId).IsUnique().HasFilter("status = 'training'").HasDatabaseName("ix_workflow_runs_one_training");
        builder.HasIndex(r => r.JobId);
        builder.HasOne<Workflow>().WithMany().HasForeignKey(r => r.WorkflowId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Jobs.Job>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.SetNull);
    }
}
