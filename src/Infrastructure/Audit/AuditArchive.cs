using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Audit;

/// <summary>
/// One stretch of the trail moved to a Parquet file in the blob store once past its retention: which rows, the hash
/// of its last row (where the chain in the table now starts) and the file's own SHA-256 (so an edited file shows).
/// </summary>
public sealed class AuditArchive
{
    public long Id { get; set; }
    public long FirstEventId { get; set; }
    public long LastEventId { get; set; }
    public long Rows { get; set; }
    public required byte[] LastHash { get; set; }
    public required string BlobKey { get; set; }
    public required byte[] FileSha256 { get; set; }
    public DateTimeOffset ArchivedAt { get; set; }
}

internal sealed class AuditArchiveConfiguration : IEntityTypeConfiguration<AuditArchive>
{
    public void Configure(EntityTypeBuilder<AuditArchive> builder)
    {
        builder.ToTable("audit_archives");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.BlobKey).HasMaxLength(200);
        builder.HasIndex(a => a.LastEventId).IsUnique();
    }
}
