using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Payments;

internal sealed class WebhookFailureConfiguration : IEntityTypeConfiguration<WebhookFailure>
{
    public void Configure(EntityTypeBuilder<WebhookFailure> builder)
    {
        builder.ToTable("webhook_failures");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Provider).HasMaxLength(32);
        builder.Property(f => f.Kind).HasMaxLength(32);
        builder.Property(f => f.EventId).HasMaxLength(255);
        builder.Property(f => f.Detail).HasMaxLength(300);
        builder.HasIndex(f => f.At);
    }
}
