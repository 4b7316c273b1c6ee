using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AutoMl.Infrastructure.Credits;

/// <summary>
/// The only writer of credit_accounts and credit_entries once an account exists. Each operation locks the account row,
/// checks its idempotency key under that lock (so a webhook delivered ten times applies once, even
/// concurrently), then updates the account and appends the entries that explain the change, in one
/// transaction: the caller's when one is open (a job row and its hold commit together), otherwise
/// its own. Check constraints keep balance, held and owed from ever going negative.
/// </summary>
public sealed class CreditLedger(AutoMlDbContext db, TimeProvider clock)
{
    /// <summary>Adds credits (purchase, grant, ad reward, refund); credits owed from a clawback are settled from them first.</summary>
    public Task<LedgerResult> CreditAsync(Guid userId, long amount, CreditEntryKind kind, string reference, string idempotencyKey, CancellationToken ct) =>
        ApplyAsync(userId, idempotencyKey, account =>
        {
            Positive(amount);
            var settled = Math.Min(account.Owed, amount);
            List<LedgerLine> lines = [new(amount, 0, kind, reference, idempotencyKey)];
            if (settled > 0)
            {
                lines.Add(new(-settled, 0, CreditEntryKind.OwedSettlement, "Settles credits owed from a reversed payment", idempotencyKey + ":settle"));
            }
            return new LedgerPlan(lines, account.Owed - settled);
        }, ct);

    /// <summary>
    /// Takes credits back (refunded payment, dispute, admin correction). With <paramref name="allowOwed"/>, what the
    /// available credits cannot cover is recorded as owed instead of driving the balance negative.
    /// </summary>
    public Task<LedgerResult> DebitAsync(Guid userId, long amount, CreditEntryKind kind, string reference, string idempotencyKey, bool allowOwed, CancellationToken ct) =>
        ApplyAsync(userId, idempotencyKey, account =>
        {
            Positive(amount);
            var take = Math.Min(amount, account.Available);
            if (take < amount && !allowOwed)
            {
                return null;
            }
            var owed = amount - take;
            var note = owed > 0 ? $"{reference} ({owed} credits owed)" : reference;
            return new LedgerPlan([new(-take, 0, kind, note, idempotencyKey)], account.Owed + owed);
        }, ct);

    /// <summary>Reserves credits for a job; refused while credits are owed or when available credits do not cover it.</summary>
    public Task<LedgerResult> HoldAsync(Guid userId, long amount, string reference, string idempotencyKey, CancellationToken ct) =>
        ApplyAsync(userId, idempotencyKey, account =>
        {
            Positive(amount);
            return Spending.Allowed(account.Balance, account.Held, account.Owed, amount)
                ? new LedgerPlan([new(0, amount, CreditEntryKind.Hold, reference, idempotencyKey)], account.Owed)
                : null;
        }, ct);

    /// <summary>
    /// Takes the price of something delivered at once (an online prediction), under the same rule as a hold. Outside a
    /// caller's transaction this is one statement (<see cref="ChargeStatement"/>): an endpoint's traffic charges one account
    /// hundreds of times a second, and its row lock is then held for one statement rather than four round trips.
    /// </summary>
    public async Task<LedgerResult> ChargeAsync(Guid userId, long amount, CreditEntryKind kind, string reference, string idempotencyKey, CancellationToken ct)
    {
        Positive(amount);
        if (db.Database.CurrentTransaction is not null)
        {
            return await ApplyAsync(userId, idempotencyKey, account =>
                Spending.Allowed(account.Balance, account.Held, account.Owed, amount)
                    ? new LedgerPlan([new(-amount, 0, kind, reference, idempotencyKey)], account.Owed)
                    : null, ct);
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var line = new LedgerLine(-amount, 0, kind, reference, idempotencyKey);
            var result = await ChargeStatement.RunAsync((NpgsqlConnection)db.Database.GetDbConnection(), userId, line, ct);
            if (result.Outcome == LedgerOutcome.Applied)
            {
                Count([line]);
            }
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Ends a hold: captures what the job used and releases the rest (used = 0 releases it all).</summary>
    public Task<LedgerResult> SettleHoldAsync(Guid userId, long held, long used, string reference, string idempotencyKey, CancellationToken ct) =>
        ApplyAsync(userId, idempotencyKey, account =>
        {
            if (held <= 0 || used < 0 || used > held)
            {
                throw new ArgumentOutOfRangeException(nameof(used), used, $"A hold of {held} settles with 0 to {held} used.");
            }
            List<LedgerLine> lines = [];
            if (used > 0)
            {
                lines.Add(new(-used, -used, CreditEntryKind.Capture, reference, idempotencyKey));
            }
            if (held - used > 0)
            {
                lines.Add(new(0, -(held - used), CreditEntryKind.Release, reference, used > 0 ? idempotencyKey + ":release" : idempotencyKey));
            }
            return new LedgerPlan(lines, account.Owed);
        }, ct);

    private static void Positive(long amount)
    {
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Ledger amounts are positive; the operation gives the sign.");
        }
    }

    private async Task<LedgerResult> ApplyAsync(Guid userId, string key, Func<AccountState, LedgerPlan?> plan, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var conn = (NpgsqlConnection)db.Database.GetDbConnection();
            if (db.Database.CurrentTransaction is { } outer)
            {
                var (inOuter, linesInOuter) = await ApplyInAsync(conn, (NpgsqlTransaction)outer.GetDbTransaction(), userId, key, plan, ct);
                db.AfterCommit(() => Count(linesInOuter));
                return inOuter;
            }
            await using var tx = await conn.BeginTransactionAsync(ct);
            var (result, lines) = await ApplyInAsync(conn, tx, userId, key, plan, ct);
            await tx.CommitAsync(ct);
            Count(lines);
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The metrics count money that moved, so only lines whose transaction committed.</summary>
    private static void Count(IReadOnlyList<LedgerLine> lines)
    {
        foreach (var line in lines)
        {
            Observability.AutoMlMetrics.LedgerLine(line.Amount, line.Kind.ToString());
        }
    }

    private async Task<(LedgerResult Result, IReadOnlyList<LedgerLine> Lines)> ApplyInAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid userId, string key,
        Func<AccountState, LedgerPlan?> plan, CancellationToken ct)
    {
        var account = await LockAsync(conn, tx, userId, ct);
        if (account is null)
        {
            return (new LedgerResult(LedgerOutcome.NoAccount, 0, 0, 0), []);
        }
        if (await KeyUsedAsync(conn, tx, key, ct))
        {
            return (account.Result(LedgerOutcome.Duplicate), []);
        }
        if (plan(account) is not { } apply)
        {
            return (account.Result(LedgerOutcome.Insufficient), []);
        }
        var now = clock.GetUtcNow();
        var balance = account.Balance;
        var held = account.Held;
        for (var i = 0; i < apply.Lines.Count; i++)
        {
            var line = apply.Lines[i];
            balance += line.Amount;
            held += line.HeldChange;
            // A microsecond apart, so the lines of one operation sort in the order their balances chain.
            await InsertAsync(conn, tx, userId, line, balance, now.AddTicks(i * 10), ct);
        }
        await using (var update = new NpgsqlCommand(
            "UPDATE credit_accounts SET balance = @balance, held = @held, owed = @owed, updated_at = @now WHERE user_id = @user", conn, tx))
        {
            update.Parameters.AddWithValue("balance", balance);
            update.Parameters.AddWithValue("held", held);
            update.Parameters.AddWithValue("owed", apply.Owed);
            update.Parameters.AddWithValue("now", now);
            update.Parameters.AddWithValue("user", userId);
            await update.ExecuteNonQueryAsync(ct);
        }
        return (new LedgerResult(LedgerOutcome.Applied, balance, held, apply.Owed), apply.Lines);
    }

    private static async Task<AccountState?> LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid userId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT balance, held, owed FROM credit_accounts WHERE user_id = @user FOR UPDATE", conn, tx);
        cmd.Parameters.AddWithValue("user", userId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new AccountState(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)) : null;
    }

    private static async Task<bool> KeyUsedAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string key, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM credit_entries WHERE idempotency_key = @key)", conn, tx);
        cmd.Parameters.AddWithValue("key", key);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid userId, LedgerLine line, long balanceAfter,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO credit_entries (id, user_id, amount, held_change, kind, reference, idempotency_key, balance_after, created_at)
            VALUES (@id, @user, @amount, @held, @kind, @reference, @key, @after, @now)
            """, conn, tx);
        cmd.Parameters.AddWithValue("id", Guid.CreateVersion7());
        cmd.Parameters.AddWithValue("user", userId);
        cmd.Parameters.AddWithValue("amount", line.Amount);
        cmd.Parameters.AddWithValue("held", line.HeldChange);
        cmd.Parameters.AddWithValue("kind", line.Kind.ToString());
        cmd.Parameters.AddWithValue("reference", line.Reference.Length > 200 ? line.Reference[..200] : line.Reference);
        cmd.Parameters.AddWithValue("key", line.Key);
        cmd.Parameters.AddWithValue("after", balanceAfter);
        cmd.Parameters.AddWithValue("now", now);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private sealed record AccountState(long Balance, long Held, long Owed)
    {
        public long Available => Balance - Held;

        public LedgerResult Result(LedgerOutcome outcome) => new(outcome, Balance, Held, Owed);
    }

    internal sealed record LedgerLine(long Amount, long HeldChange, CreditEntryKind Kind, string Reference, string Key);

    private sealed record LedgerPlan(IReadOnlyList<LedgerLine> Lines, long Owed);
}
