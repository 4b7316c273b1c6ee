using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AutoMl.Infrastructure.Persistence;

public static class PostgresSetup
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(Pooled(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(AfterCommitInterceptor.Instance);

    /// <summary>
    /// A pooled connection is not reset (DISCARD ALL) each time it is taken: that was one more statement, and one more
    /// Postgres transaction, for every DbContext a request opened (bench/Load/README.md). The platform keeps no session
    /// state on a connection: its SET LOCAL and advisory locks are transaction-scoped. A connection string that says
    /// otherwise ("No Reset On Close=false") wins.
    /// </summary>
    public static string Pooled(string connectionString)
    {
        // Npgsql's builder reports every keyword it knows as present: the keys as written are read from a plain one.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("NoResetOnClose", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }
        return new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
    }
}
