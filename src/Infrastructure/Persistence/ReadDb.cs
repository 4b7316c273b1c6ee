using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Infrastructure.Persistence;

/// <summary>
/// A second, read-only <see cref="AutoMlDbContext"/> for the read-heavy list endpoints, keyed as <see cref="Key"/>
/// (an endpoint asks for it with <c>[FromKeyedServices(ReadDb.Key)]</c>). It connects to ConnectionStrings:PostgresRead,
/// a streaming replica, when that is set, and to the primary otherwise. Its queries are untracked and it refuses to
/// save: writes, and everything the ledger does, go through the unkeyed context on the primary.
/// </summary>
public static class ReadDb
{
    public const string Key = "read";
    public const string ConnectionStringName = "PostgresRead";

    public static IServiceCollection AddAutoMlReadDb(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } read
            ? read
            : configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not set: start the local stack with infra/stack.sh or set ConnectionStrings__Postgres.");
        var builder = new DbContextOptionsBuilder<AutoMlDbContext>();
        PostgresSetup.Configure(builder, connection);
        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        builder.AddInterceptors(new ReadOnlySaveGuard());
        // Pooled like the primary's context (InfrastructureServices): a request leases a reset context.
        var pool = new PooledDbContextFactory<AutoMlDbContext>(builder.Options);
        services.AddKeyedScoped(Key, (_, _) => pool.CreateDbContext());
        return services;
    }
}
