using AutoMl.Infrastructure.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Exports;

internal sealed class DataExportConfiguration : IEntityTypeConfiguration<DataExport>
{
    public void Configure(EntityTypeBuilder<DataExport> builder)
    {
        builder.ToTable("data_exports");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.BlobKey).HasMaxLength(300);
        builder.Property(e => e.Error).HasMaxLength(2000);
        builder.HasIndex(e => new { e.UserId, e.CreatedAt });
        // One export in progress per account, held by the database so two requests at once cannot both start one.
        builder.HasIndex(e => e.UserId).IsUnique().HasFilter("status IN ('Queued', 'Running')").HasDatabaseName("ix_data_exports_one_in_progress");
        builder.HasIndex(e => e.Status).HasFilter("status IN ('Queued', 'Running', 'Ready')");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
