using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AutoMl.Infrastructure.Persistence;

/// <summary>
/// Runs what a context queued with <see cref="AutoMlDbContext.AfterCommit"/> once its transaction commits, and drops it
/// when the transaction rolls back: a metric of credits that moved must not count credits a rollback kept.
/// </summary>
internal sealed class AfterCommitInterceptor : DbTransactionInterceptor
{
    public static readonly AfterCommitInterceptor Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as AutoMlDbContext)?.EndTransaction(committed: true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AutoMlDbContext)?.EndTransaction(committed: true);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as AutoMlDbContext)?.EndTransaction(committed: false);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AutoMlDbContext)?.EndTransaction(committed: false);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        (eventData.Context as AutoMlDbContext)?.EndTransaction(committed: false);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AutoMlDbContext)?.EndTransaction(committed: false);
        return Task.CompletedTask;
    }
}
