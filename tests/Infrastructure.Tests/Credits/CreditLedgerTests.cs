using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Credits;

namespace AutoMl.Infrastructure.Tests.Credits;

public sealed class CreditLedgerTests(LedgerDatabase data) : IClassFixture<LedgerDatabase>
{
    [Fact]
    public async Task parallel_holds_never_overdraw_and_exactly_the_affordable_ones_succeed()
    {
        var user = await data.NewAccountAsync(100);

        var attempts = Enumerable.Range(0, 50).Select(async i =>
        {
            await using var db = data.NewContext();
            return await data.Ledger(db).HoldAsync(user, 10, $"job {i}", $"hold:{user}:{i}", default);
        });
        var results = await Task.WhenAll(attempts);

        Assert.Equal(10, results.Count(r => r.Outcome == LedgerOutcome.Applied));
        Assert.Equal(40, results.Count(r => r.Outcome == LedgerOutcome.Insufficient));
        var (balance, held, _) = await data.AssertEntriesExplainAccountAsync(user);
        Assert.Equal(100, balance);
        Assert.Equal(100, held);
    }

    [Fact]
    public async Task a_credit_delivered_ten_times_at_once_applies_once()
    {
        var user = await data.NewAccountAsync(5);

        var deliveries = Enumerable.Range(0, 10).Select(async _ =>
        {
            await using var db = data.NewContext();
            return await data.Ledger(db).CreditAsync(user, 500, CreditEntryKind.Purchase, "500 credits", "stripe:evt_once", default);
        });
        var results = await Task.WhenAll(deliveries);

        Assert.Single(results, r => r.Applied);
        Assert.Equal(9, results.Count(r => r.Outcome == LedgerOutcome.Duplicate));
        Assert.Equal(505, (await data.AssertEntriesExplainAccountAsync(user)).Balance);
    }

    [Fact]
    public async Task settling_a_hold_captures_what_was_used_and_releases_the_rest()
    {
        var user = await data.NewAccountAsync(100);
        await using var db = data.NewContext();
        var ledger = data.Ledger(db);

        Assert.True((await ledger.HoldAsync(user, 40, "job", "hold:job", default)).Applied);
        var settled = await ledger.SettleHoldAsync(user, 40, 15, "job", "settle:job", default);
        var again = await ledger.SettleHoldAsync(user, 40, 15, "job", "settle:job", default);

        Assert.Equal((LedgerOutcome.Applied, 85L, 0L), (settled.Outcome, settled.Balance, settled.Held));
        Assert.Equal(LedgerOutcome.Duplicate, again.Outcome);
        Assert.Equal((85L, 0L, 0L), await data.AssertEntriesExplainAccountAsync(user));
    }

    [Fact]
    public async Task a_clawback_larger_than_the_balance_stops_at_zero_records_the_rest_as_owed_and_blocks_holds()
    {
        var user = await data.NewAccountAsync(30);
        await using var db = data.NewContext();
        var ledger = data.Ledger(db);

        var clawback = await ledger.DebitAsync(user, 50, CreditEntryKind.Clawback, "charge refunded", "refund:ch_1", allowOwed: true, default);
        var hold = await ledger.HoldAsync(user, 1, "job", "hold:blocked", default);
        var topUp = await ledger.CreditAsync(user, 100, CreditEntryKind.Purchase, "pack", "stripe:evt_2", default);

        Assert.Equal((0L, 20L), (clawback.Balance, clawback.Owed));
        Assert.Equal(LedgerOutcome.Insufficient, hold.Outcome);
        Assert.Equal((80L, 0L), (topUp.Balance, topUp.Owed));
        Assert.Equal((80L, 0L, 0L), await data.AssertEntriesExplainAccountAsync(user));
    }

    [Fact]
    public async Task a_debit_without_owed_is_refused_when_it_does_not_fit()
    {
        var user = await data.NewAccountAsync(10);
        await using var db = data.NewContext();

        var result = await data.Ledger(db).DebitAsync(user, 11, CreditEntryKind.Clawback, "admin correction", "admin:1", allowOwed: false, default);

        Assert.Equal(LedgerOutcome.Insufficient, result.Outcome);
        Assert.Equal((10L, 0L, 0L), await data.AssertEntriesExplainAccountAsync(user));
    }

    [Fact]
    public async Task parallel_charges_never_overdraw_and_a_key_charged_at_once_from_many_requests_applies_once()
    {
        var user = await data.NewAccountAsync(100);

        // 60 distinct charges of 2 (30 fit) and the same key sent ten times at once.
        var charges = Enumerable.Range(0, 60).Select(i => $"predict:{user}:{i}").Concat(Enumerable.Repeat($"predict:{user}:retried", 10)).Select(async key =>
        {
            await using var db = data.NewContext();
            return (key, await data.Ledger(db).ChargeAsync(user, 2, CreditEntryKind.Prediction, "Online prediction", key, default));
        });
        var results = await Task.WhenAll(charges);

        Assert.Equal(50, results.Count(r => r.Item2.Outcome == LedgerOutcome.Applied));
        var retried = results.Where(r => r.key == $"predict:{user}:retried").Select(r => r.Item2.Outcome).ToList();
        Assert.True(retried.Count(o => o == LedgerOutcome.Applied) <= 1, $"one key charged {retried.Count(o => o == LedgerOutcome.Applied)} times");
        Assert.DoesNotContain(retried, o => o == LedgerOutcome.NoAccount);
        Assert.Equal((0L, 0L, 0L), await data.AssertEntriesExplainAccountAsync(user));
    }

    [Fact]
    public async Task a_charge_is_refused_while_credits_are_owed_or_held_and_repeats_as_a_duplicate()
    {
        var user = await data.NewAccountAsync(10);
        await using var db = data.NewContext();
        var ledger = data.Ledger(db);

        Assert.True((await ledger.HoldAsync(user, 8, "job", $"hold:{user}", default)).Applied);
        var overHeld = await ledger.ChargeAsync(user, 3, CreditEntryKind.Prediction, "Online prediction", $"predict:{user}:a", default);
        var fits = await ledger.ChargeAsync(user, 2, CreditEntryKind.Prediction, "Online prediction", $"predict:{user}:b", default);
        var again = await ledger.ChargeAsync(user, 2, CreditEntryKind.Prediction, "Online prediction", $"predict:{user}:b", default);
        var clawback = await ledger.DebitAsync(user, 20, CreditEntryKind.Clawback, "charge refunded", $"refund:{user}", allowOwed: true, default);
        var whileOwed = await ledger.ChargeAsync(user, 1, CreditEntryKind.Prediction, "Online prediction", $"predict:{user}:c", default);
        var nobody = await ledger.ChargeAsync(Guid.NewGuid(), 1, CreditEntryKind.Prediction, "Online prediction", $"predict:{user}:d", default);

        Assert.Equal((LedgerOutcome.Insufficient, 10L, 8L), (overHeld.Outcome, overHeld.Balance, overHeld.Held));
        Assert.Equal((LedgerOutcome.Applied, 8L, 8L), (fits.Outcome, fits.Balance, fits.Held));
        Assert.Equal(LedgerOutcome.Duplicate, again.Outcome);
        Assert.True(clawback.Applied);
        Assert.Equal(LedgerOutcome.Insufficient, whileOwed.Outcome);
        Assert.Equal(LedgerOutcome.NoAccount, nobody.Outcome);
        Assert.Equal((8L, 8L, 20L), await data.AssertEntriesExplainAccountAsync(user));
    }
}
