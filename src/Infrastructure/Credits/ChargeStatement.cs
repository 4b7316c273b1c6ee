using AutoMl.Domain.Credits;
using Npgsql;

namespace AutoMl.Infrastructure.Credits;

/// <summary>
/// <see cref="CreditLedger.ChargeAsync"/> as one statement: lock the account row, check the idempotency key, apply
/// <see cref="Spending.Allowed"/> (owed = 0 and balance − held ≥ amount, written in SQL below), append the entry and move
/// the balance. The row lock then lasts one statement and its commit, not four client round trips, which is what lets
/// one account's endpoint take a few hundred charges a second.
/// </summary>
internal static class ChargeStatement
{
    // FOR UPDATE waits for a concurrent charge and then reads the row as that charge left it; the entry's unique
    // idempotency key catches a same-key charge that committed after this statement's snapshot (ON CONFLICT: not applied,
    // reported as the duplicate it is). The entry is stamped by the database's clock once the lock is held, so entries
    // sort in the order their balances chain, as the ledger's other operations stamp theirs after locking.
    private const string Sql = """
        WITH account AS (
            SELECT balance, held, owed FROM credit_accounts WHERE user_id = @user FOR UPDATE),
        seen AS (
            SELECT EXISTS (SELECT 1 FROM credit_entries WHERE idempotency_key = @key) AS used),
        allowed AS (
            SELECT account.balance - @amount AS after FROM account, seen
            WHERE NOT seen.used AND account.owed = 0 AND account.balance - account.held >= @amount),
        entry AS (
            INSERT INTO credit_entries (id, user_id, amount, held_change, kind, reference, idempotency_key, balance_after, created_at)
            SELECT @id, @user, -@amount, 0, @kind, @reference, @key, allowed.after, clock_timestamp() FROM allowed
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING balance_after),
        moved AS (
            UPDATE credit_accounts SET balance = entry.balance_after, updated_at = clock_timestamp() FROM entry
            WHERE credit_accounts.user_id = @user
            RETURNING credit_accounts.balance)
        SELECT account.balance, account.held, account.owed, seen.used,
               account.owed = 0 AND account.balance - account.held >= @amount AS affordable,
               (SELECT balance FROM moved) AS balance_after
        FROM account, seen
        """;

    public static async Task<LedgerResult> RunAsync(NpgsqlConnection conn, Guid userId, CreditLedger.LedgerLine line, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Sql, conn);
        cmd.Parameters.AddWithValue("user", userId);
        cmd.Parameters.AddWithValue("key", line.Key);
        cmd.Parameters.AddWithValue("amount", -line.Amount);
        cmd.Parameters.AddWithValue("id", Guid.CreateVersion7());
        cmd.Parameters.AddWithValue("kind", line.Kind.ToString());
        cmd.Parameters.AddWithValue("reference", line.Reference.Length > 200 ? line.Reference[..200] : line.Reference);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return new LedgerResult(LedgerOutcome.NoAccount, 0, 0, 0);
        }
        var (balance, held, owed) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        if (!reader.IsDBNull(5))
        {
            return new LedgerResult(LedgerOutcome.Applied, reader.GetInt64(5), held, owed);
        }
        var used = reader.GetBoolean(3);
        var affordable = reader.GetBoolean(4);
        // Affordable, unseen and still not applied: the key's entry was committed by a concurrent charge.
        return new LedgerResult(used || affordable ? LedgerOutcome.Duplicate : LedgerOutcome.Insufficient, balance, held, owed);
    }
}
