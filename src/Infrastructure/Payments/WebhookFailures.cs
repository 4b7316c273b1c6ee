using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutoMl.Infrastructure.Payments;

public static class WebhookFailureKinds
{
    public const string Signature = "signature";
    public const string Processing = "processing";
}

/// <summary>Records a failed webhook delivery for the alert rule (<see cref="WebhookFailure"/>).</summary>
public sealed class WebhookFailures(IServiceScopeFactory scopes, TimeProvider clock, ILogger<WebhookFailures> logger)
{
    /// <summary>The alert reads minutes of these; a month is kept for whoever looks into one, then each write drops the older.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(30);

    /// <summary>
    /// In a context of its own: the failed delivery's context may still track changes its rolled-back transaction
    /// dropped, which a save there would write. A failure to record (the database is what failed) is logged, never thrown
    /// over the delivery's own answer.
    /// </summary>
    public async Task RecordAsync(string provider, string kind, string? eventId, string detail)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
            var now = clock.GetUtcNow();
            db.Set<WebhookFailure>().Add(new WebhookFailure
            {
                Id = Guid.CreateVersion7(),
                Provider = provider,
                Kind = kind,
                EventId = eventId,
                Detail = detail.Length > 300 ? detail[..300] : detail,
                At = now,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            var before = now - Kept;
            await db.Set<WebhookFailure>().Where(f => f.At < before).ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogError(e, "Could not record a failed {Provider} webhook delivery ({Kind}, event {EventId})", provider, kind, eventId);
        }
    }
}
