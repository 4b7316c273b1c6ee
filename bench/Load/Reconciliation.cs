using Npgsql;

namespace AutoMl.Bench.Load;

/// <summary>The ledger checked in SQL at the end of a run, over every account in the database.</summary>
internal sealed record LedgerCheck(long Accounts, long AccountsOff, long Drift, long CreditsIn, long CreditsOut, long Balances, long Held)
{
    public bool Holds => AccountsOff == 0 && Drift == 0 && CreditsIn == CreditsOut + Balances;

    public static async Task<LedgerCheck> RunAsync(string postgres)
    {
        await using var db = new NpgsqlConnection(postgres);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            WITH sums AS (SELECT user_id, sum(amount) AS amount, sum(held_change) AS held FROM credit_entries GROUP BY user_id),
            per_account AS (
                SELECT a.balance, a.held, abs(a.balance - coalesce(s.amount, 0)) + abs(a.held - coalesce(s.held, 0)) AS drift
                FROM credit_accounts a LEFT JOIN sums s USING (user_id))
            SELECT count(*), count(*) FILTER (WHERE drift <> 0), coalesce(sum(drift), 0)::bigint, coalesce(sum(balance), 0)::bigint, coalesce(sum(held), 0)::bigint,
                   (SELECT coalesce(sum(amount) FILTER (WHERE amount > 0), 0) FROM credit_entries)::bigint,
                   (SELECT coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) FROM credit_entries)::bigint,
                   (SELECT count(*) FROM credit_entries e WHERE NOT EXISTS (SELECT 1 FROM credit_accounts a WHERE a.user_id = e.user_id))
            FROM per_account
            """, db);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return new LedgerCheck(r.GetInt64(0), r.GetInt64(1) + r.GetInt64(7), r.GetInt64(2), r.GetInt64(5), r.GetInt64(6), r.GetInt64(3), r.GetInt64(4));
    }
}

/// <summary>What became of the jobs the API accepted, from the jobs table and the ledger lines keyed by each job.</summary>
internal sealed record JobCheck(int Accepted, int Succeeded, int FailedRefunded, int FailedNotRefunded, int Cancelled, int Lost, int DoubleCharges, int HoldsLeft, int ChargeMismatches, int RunAgain)
{
    public static async Task<JobCheck> RunAsync(string postgres, IReadOnlyCollection<Guid> accepted)
    {
        await using var db = new NpgsqlConnection(postgres);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            WITH e AS (
                SELECT substring(idempotency_key FROM '^job:([0-9a-f]{32}):') AS job, kind, amount, held_change
                FROM credit_entries WHERE idempotency_key LIKE 'job:%'),
            per_job AS (
                SELECT j.id, j.status, j.charged_credits, j.attempts,
                       coalesce(sum(-e.amount), 0) AS captured, coalesce(sum(e.held_change), 0) AS held_left,
                       count(e.kind) FILTER (WHERE e.kind = 'Capture') AS captures, count(e.kind) FILTER (WHERE e.kind = 'Hold') AS holds
                FROM unnest(@ids::uuid[]) AS a(id) LEFT JOIN jobs j ON j.id = a.id LEFT JOIN e ON e.job = replace(j.id::text, '-', '')
                GROUP BY j.id, j.status, j.charged_credits, j.attempts)
            SELECT count(*) FILTER (WHERE status = 'Succeeded'),
                   count(*) FILTER (WHERE status = 'Failed' AND captured = 0 AND held_left = 0),
                   count(*) FILTER (WHERE status = 'Failed' AND NOT (captured = 0 AND held_left = 0)),
                   count(*) FILTER (WHERE status = 'Cancelled'),
                   count(*) FILTER (WHERE status IS NULL OR status IN ('Queued', 'Running')),
                   count(*) FILTER (WHERE captures > 1 OR holds > 1),
                   count(*) FILTER (WHERE status IN ('Succeeded', 'Failed', 'Cancelled') AND held_left <> 0),
                   count(*) FILTER (WHERE status IN ('Succeeded', 'Cancelled') AND captured <> charged_credits),
                   count(*) FILTER (WHERE attempts > 1)
            FROM per_job
            """, db);
        cmd.Parameters.AddWithValue("ids", accepted.ToArray());
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return new JobCheck(accepted.Count, (int)r.GetInt64(0), (int)r.GetInt64(1), (int)r.GetInt64(2), (int)r.GetInt64(3), (int)r.GetInt64(4),
            (int)r.GetInt64(5), (int)r.GetInt64(6), (int)r.GetInt64(7), (int)r.GetInt64(8));
    }

    /// <summary>Every job of the run's accounts (the template's training job is the first account's, which is not one of them).</summary>
    public static async Task<IReadOnlyList<Guid>> JobsOfAsync(string postgres, Guid[] users)
    {
        await using var db = new NpgsqlConnection(postgres);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT id FROM jobs WHERE user_id = ANY(@users) AND kind = 'Train'", db);
        cmd.Parameters.AddWithValue("users", users);
        var ids = new List<Guid>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            ids.Add(r.GetGuid(0));
        }
        return ids;
    }

    /// <summary>How many of the accepted jobs are still queued or running (or missing).</summary>
    public static async Task<int> OpenAsync(string postgres, IReadOnlyCollection<Guid> accepted)
    {
        await using var db = new NpgsqlConnection(postgres);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT count(*) FROM unnest(@ids::uuid[]) AS a(id) LEFT JOIN jobs j ON j.id = a.id WHERE j.status IS NULL OR j.status IN ('Queued', 'Running')", db);
        cmd.Parameters.AddWithValue("ids", accepted.ToArray());
        return (int)(long)(await cmd.ExecuteScalarAsync())!;
    }
}
