using AutoMl.Infrastructure.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Datasets;

internal sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> builder)
    {
        builder.ToTable("datasets");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Error).HasMaxLength(2000);
        builder.Property(d => d.Format).HasMaxLength(16);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.OriginalKey).HasMaxLength(300);
        builder.Property(d => d.ProcessedKey).HasMaxLength(300);
        builder.Property(d => d.UploadId).HasMaxLength(300);
        builder.Property(d => d.ColumnsJson).HasColumnType("jsonb");
        builder.Property(d => d.PreviewJson).HasColumnType("jsonb");
        builder.Property(d => d.ChecksJson).HasColumnType("jsonb");
        builder.Property(d => d.TargetChecksJson).HasColumnType("jsonb");
        builder.Property(d => d.AssociationsJson).HasColumnType("jsonb");
        builder.Property(d => d.SampleKey).HasMaxLength(300);
        builder.Property(d => d.TargetSuggestion).HasMaxLength(300);
        builder.Property(d => d.TaskSuggestion).HasMaxLength(16);
        builder.Property(d => d.LineageId).UsePropertyAccessMode(PropertyAccessMode.Property);
        builder.HasIndex(d => new { d.LineageId, d.Version }).IsUnique();
        builder.HasIndex(d => new { d.UserId, d.CreatedAt });
        builder.HasIndex(d => new { d.UserId, d.Sha256 });
        builder.HasIndex(d => d.Status).HasFilter("status IN ('Uploading', 'Ingesting')");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
