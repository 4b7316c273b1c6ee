using AutoMl.Infrastructure.Persistence;
using AutoMl.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AutoMl.Infrastructure.Tests.Persistence;

public sealed class MigrationTests : IAsyncLifetime
{
    private readonly string database = "automl_test_" + Guid.NewGuid().ToString("N")[..16];

    private AutoMlDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<AutoMlDbContext>();
        PostgresSetup.Configure(options, TestStack.Postgres(database));
        return new AutoMlDbContext(options.Options);
    }

    [Fact]
    public async Task every_model_change_has_a_migration()
    {
        await using var db = NewContext();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The EF model differs from the last migration: run 'dotnet ef migrations add <Name> --project src/Infrastructure --startup-project src/Infrastructure --output-dir Persistence/Migrations'.");
    }

    [Fact]
    public async Task the_ledger_refuses_a_negative_balance_or_holding_more_than_the_balance()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
        var user = Guid.NewGuid();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO users (id, tier, created_at, email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            VALUES ({user}, 'Free', now(), false, false, false, true, 0)
            """);

        var negative = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"INSERT INTO credit_accounts (user_id, balance, held, owed, updated_at) VALUES ({user}, -1, 0, 0, now())"));
        Assert.Equal(PostgresErrorCodes.CheckViolation, negative.SqlState);

        var overHeld = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"INSERT INTO credit_accounts (user_id, balance, held, owed, updated_at) VALUES ({user}, 10, 11, 0, now())"));
        Assert.Equal(PostgresErrorCodes.CheckViolation, overHeld.SqlState);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TestStack.DropDatabaseAsync(database);
}
