using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AutoMl.Infrastructure.Persistence;

public static class PostgresSetup
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(Pooled(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(AfterCommitInterceptor.Instance);

    /// <summary>Statements each pooled connection keeps prepared (<see cref="Pooled"/>).</summary>
    public const int AutoPrepared = 64;

    /// <summary>
    /// Connections a process's pool opens at most (<see cref="Pooled"/>; Npgsql's default is 100). Postgres runs as many
    /// queries at once as it has cores; past a few dozen connections a crowd only adds backends to fork and warm, and a
    /// surge onto three cold API instances opened 300 at once (issue 31). Waiting for a pooled connection is cheaper.
    /// </summary>
    public const int MaxPoolSize = 40;

    /// <summary>
    /// A pooled connection is not reset (DISCARD ALL) each time it is taken: that was one more statement, and one more
    /// Postgres transaction, for every DbContext a request opened (bench/Load/README.md). The platform keeps no session
    /// state on a connection: its SET LOCAL and advisory locks are transaction-scoped. Since a connection now keeps its
    /// session, the statements it runs most are prepared on it (Npgsql's automatic preparation): Postgres parses and plans
    /// a request's queries once per connection instead of on every request. The pool is capped at <see cref="MaxPoolSize"/>.
    /// A setting written in the connection string ("No Reset On Close=false", "Max Auto Prepare=0", "Maximum Pool Size=100")
    /// wins.
    /// </summary>
    public static string Pooled(string connectionString)
    {
        // Npgsql's builder reports every keyword it knows as present: the keys as written are read from a plain one.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        if (!written.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPrepared;
        }
        if (!written.Contains("MaxPoolSize") && !written.Contains("MaximumPoolSize"))
        {
            builder.MaxPoolSize = MaxPoolSize;
        }
        return builder.ConnectionString;
    }
}
