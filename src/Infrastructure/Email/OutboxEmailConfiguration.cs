using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Email;

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.ToTable("email_outbox");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.To).HasMaxLength(320);
        builder.Property(e => e.Template).HasMaxLength(64);
        builder.Property(e => e.Subject).HasMaxLength(300);
        builder.HasIndex(e => e.CreatedAt).HasFilter("sent_at IS NULL");
        builder.HasIndex(e => e.UserId);
    }
}
