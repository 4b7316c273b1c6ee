using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Testing;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Infrastructure.Tests.Credits;

/// <summary>A migrated database of its own for the ledger tests, with intent methods.</summary>
public sealed class LedgerDatabase : IAsyncLifetime
{
    private readonly string database = "automl_test_" + Guid.NewGuid().ToString("N")[..16];

    public AutoMlDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<AutoMlDbContext>();
        PostgresSetup.Configure(options, TestStack.Postgres(database));
        return new AutoMlDbContext(options.Options);
    }

    public CreditLedger Ledger(AutoMlDbContext db) => new(db, TimeProvider.System);

    /// <summary>A user whose account starts with a grant of <paramref name="credits"/>.</summary>
    public async Task<Guid> NewAccountAsync(long credits)
    {
        var user = Guid.NewGuid();
        await using var db = NewContext();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO users (id, tier, created_at, email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            VALUES ({user}, 'Free', now(), false, false, false, true, 0)
            """);
        await db.Database.ExecuteSqlAsync($"INSERT INTO credit_accounts (user_id, balance, held, owed, updated_at) VALUES ({user}, 0, 0, 0, now())");
        var granted = await Ledger(db).CreditAsync(user, credits, CreditEntryKind.Grant, "test grant", $"grant:{user}", default);
        Assert.True(granted.Applied);
        return user;
    }

    /// <summary>The invariant a reconciliation checks: the entries explain the account exactly.</summary>
    public async Task<(long Balance, long Held, long Owed)> AssertEntriesExplainAccountAsync(Guid user)
    {
        await using var db = NewContext();
        var account = await db.CreditAccounts.AsNoTracking().SingleAsync(a => a.UserId == user);
        var entries = await db.CreditEntries.AsNoTracking().Where(e => e.UserId == user).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync();
        Assert.Equal(account.Balance, entries.Sum(e => e.Amount));
        Assert.Equal(account.Held, entries.Sum(e => e.HeldChange));
        Assert.Equal(account.Balance, entries[^1].BalanceAfter);
        Assert.True(account.Balance >= 0 && account.Held >= 0 && account.Held <= account.Balance);
        return (account.Balance, account.Held, account.Owed);
    }

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => TestStack.DropDatabaseAsync(database);
}
