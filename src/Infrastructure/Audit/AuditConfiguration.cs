using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Actor).HasMaxLength(300);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.TargetType).HasMaxLength(64);
        builder.Property(e => e.TargetId).HasMaxLength(200);
        builder.Property(e => e.Address).HasMaxLength(64);
        builder.Property(e => e.Client).HasMaxLength(300);
        builder.Property(e => e.Outcome).HasMaxLength(16);
        builder.Property(e => e.Detail).HasMaxLength(2000);
        // No foreign key to the account: the trail outlives a deleted account (its deletion is in it).
        builder.HasIndex(e => new { e.UserId, e.Id });
        builder.HasIndex(e => new { e.Action, e.Id });
        builder.HasIndex(e => e.At);
    }
}
