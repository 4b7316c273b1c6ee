using AutoMl.Infrastructure.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Payments;

internal sealed class StripeEventRecordConfiguration : IEntityTypeConfiguration<StripeEventRecord>
{
    public void Configure(EntityTypeBuilder<StripeEventRecord> builder)
    {
        builder.ToTable("stripe_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(255);
        builder.Property(e => e.Type).HasMaxLength(100);
    }
}

internal sealed class StripeCustomerConfiguration : IEntityTypeConfiguration<StripeCustomer>
{
    public void Configure(EntityTypeBuilder<StripeCustomer> builder)
    {
        builder.ToTable("stripe_customers");
        builder.HasKey(c => c.UserId);
        builder.Property(c => c.CustomerId).HasMaxLength(255);
        builder.HasIndex(c => c.CustomerId).IsUnique();
        builder.Property(c => c.SubscriptionId).HasMaxLength(255);
        builder.Property(c => c.SubscriptionStatus).HasMaxLength(32);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<StripeCustomer>(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StripePaymentConfiguration : IEntityTypeConfiguration<StripePayment>
{
    public void Configure(EntityTypeBuilder<StripePayment> builder)
    {
        builder.ToTable("stripe_payments", t => t.HasCheckConstraint("ck_stripe_payments_reversed_within_credits", "credits_reversed >= 0 AND credits_reversed <= credits"));
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Reference).HasMaxLength(255);
        builder.HasIndex(p => p.Reference).IsUnique();
        builder.Property(p => p.PaymentIntentId).HasMaxLength(255);
        builder.HasIndex(p => p.PaymentIntentId).IsUnique();
        builder.Property(p => p.ChargeId).HasMaxLength(255);
        builder.HasIndex(p => p.ChargeId).IsUnique();
        builder.Property(p => p.Product).HasMaxLength(64);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.HasIndex(p => p.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
