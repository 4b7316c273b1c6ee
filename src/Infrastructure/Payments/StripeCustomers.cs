using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Infrastructure.Payments;

/// <summary>Finds or creates the user's Stripe customer, so checkouts and the billing portal share one customer.</summary>
public sealed class StripeCustomers(AutoMlDbContext db, StripeGateway stripe, TimeProvider clock)
{
    public async Task<string?> FindAsync(Guid userId, CancellationToken ct) =>
        await db.Set<StripeCustomer>().AsNoTracking().Where(c => c.UserId == userId).Select(c => c.CustomerId).SingleOrDefaultAsync(ct);

    public async Task<string> EnsureAsync(Guid userId, string email, CancellationToken ct)
    {
        if (await FindAsync(userId, ct) is { } known)
        {
            return known;
        }
        // Stripe answers a repeated idempotency key with the same customer, so two racing checkouts agree on it.
        var customer = await stripe.CreateCustomerAsync(userId, email, ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO stripe_customers (user_id, customer_id, updated_at) VALUES ({userId}, {customer.Id}, {clock.GetUtcNow()})
            ON CONFLICT (user_id) DO NOTHING
            """, ct);
        return await FindAsync(userId, ct) ?? customer.Id;
    }
}
