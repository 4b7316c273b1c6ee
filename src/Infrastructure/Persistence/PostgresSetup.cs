using Microsoft.EntityFrameworkCore;

namespace AutoMl.Infrastructure.Persistence;

public static class PostgresSetup
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(AfterCommitInterceptor.Instance);
}
