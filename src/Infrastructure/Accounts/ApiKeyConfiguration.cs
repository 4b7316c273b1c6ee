using AutoMl.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Accounts;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.KeyHash).HasMaxLength(64);
        // Stored by name, so a reader of the table (or a future scope in between) never meets a bare number.
        builder.Property(k => k.Scope).HasMaxLength(16)
            .HasConversion(s => s.Name(), s => ApiKeyScopes.Parse(s));
        builder.HasIndex(k => k.KeyHash).IsUnique();
        builder.HasIndex(k => new { k.UserId, k.CreatedAt });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
