using Npgsql;

namespace AutoMl.Testing;

/// <summary>The real Postgres and Redis that ./test.sh starts; a test run without them fails, it never skips.</summary>
public static class TestStack
{
    public static string PostgresBase => Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
        ?? throw new InvalidOperationException(
            "ConnectionStrings__Postgres is not set. Run ./test.sh, or: infra/stack.sh start test && eval \"$(infra/stack.sh env test)\"");

    public static string Redis => Environment.GetEnvironmentVariable("ConnectionStrings__Redis")
        ?? throw new InvalidOperationException(
            "ConnectionStrings__Redis is not set. Run ./test.sh, or: infra/stack.sh start test && eval \"$(infra/stack.sh env test)\"");

    public static string Postgres(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresBase) { Database = database }.ConnectionString;

    public static async Task DropDatabaseAsync(string database)
    {
        await using var conn = new NpgsqlConnection(Postgres("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
