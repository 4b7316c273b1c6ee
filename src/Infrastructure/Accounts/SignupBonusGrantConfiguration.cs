using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Accounts;

internal sealed class SignupBonusGrantConfiguration : IEntityTypeConfiguration<SignupBonusGrant>
{
    public void Configure(EntityTypeBuilder<SignupBonusGrant> builder)
    {
        builder.ToTable("signup_bonus_grants");
        // The primary key is the unique index that lets exactly one of two racing confirmations of one mailbox win.
        builder.HasKey(g => g.AddressHash);
        builder.Property(g => g.AddressHash).HasMaxLength(64);
    }
}
