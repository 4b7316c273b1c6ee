using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AutoMl.Infrastructure.Persistence;

/// <summary>
/// Runs what a context queued with <see cref="AutoMlDbContext.AfterCommitAsync"/> once its transaction commits, and drops it
/// when the transaction rolls back: a metric of credits that moved must not count credits a rollback kept.
/// </summary>
internal sealed class AfterCommitInterceptor : DbTransactionInterceptor
{
    public static readonly AfterCommitInterceptor Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        End(eventData, committed: true).GetAwaiter().GetResult();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        End(eventData, committed: true);

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        End(eventData, committed: false).GetAwaiter().GetResult();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        End(eventData, committed: false);

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        End(eventData, committed: false).GetAwaiter().GetResult();

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        End(eventData, committed: false);

    private static Task End(TransactionEventData eventData, bool committed) =>
        eventData.Context is AutoMlDbContext db ? db.EndTransactionAsync(eventData.TransactionId, committed) : Task.CompletedTask;
}
