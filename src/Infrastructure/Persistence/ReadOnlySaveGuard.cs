using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AutoMl.Infrastructure.Persistence;

/// <summary>A replica refuses writes anyway; this says why at the line that tried, instead of a Postgres error from the replica.</summary>
internal sealed class ReadOnlySaveGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw Refusal();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default) =>
        throw Refusal();

    private static InvalidOperationException Refusal() =>
        new("The read context (ReadDb) only reads: save through the AutoMlDbContext registered without a key, which is the primary.");
}
