using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AutoMl.Domain.Credits;

namespace AutoMl.Infrastructure.Tests.Credits;

public sealed class LedgerMetricsTests(LedgerDatabase data) : IClassFixture<LedgerDatabase>
{
    // An amount no other test moves: the meter is process-wide and other tests run alongside.
    private const long Marked = 7_654_321;

    [Fact]
    public async Task credits_count_in_the_metrics_only_once_their_transaction_commits()
    {
        var user = await data.NewAccountAsync(1);
        var counted = new ConcurrentQueue<long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "automl.credits.in")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            if (value == Marked)
            {
                counted.Enqueue(value);
            }
        });
        listener.Start();

        await using (var db = data.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            Assert.True((await data.Ledger(db).CreditAsync(user, Marked, CreditEntryKind.Grant, "rolled back", $"metrics-rollback:{user}", default)).Applied);
            await tx.RollbackAsync();
        }
        Assert.Empty(counted);

        await using (var db = data.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await data.Ledger(db).CreditAsync(user, Marked, CreditEntryKind.Grant, "committed", $"metrics-commit:{user}", default);
            Assert.Empty(counted);
            await tx.CommitAsync();
        }
        Assert.Single(counted);

        await using (var db = data.NewContext())
        {
            await data.Ledger(db).CreditAsync(user, Marked, CreditEntryKind.Grant, "own transaction", $"metrics-own:{user}", default);
        }
        Assert.Equal(2, counted.Count);
        var (balance, _, _) = await data.AssertEntriesExplainAccountAsync(user);
        Assert.Equal(1 + (2 * Marked), balance);
    }
}
