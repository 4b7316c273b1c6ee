using AutoMl.Sdk.Http;

namespace AutoMl.Sdk;

/// <summary>
/// The platform's health, for admins: alerts raised by the minutely rules and the ledger reconciliation's last result.
/// Needs the API key of an account with the admin role (any scope); other keys get 403.
/// </summary>
public sealed class OperationsClient
{
    private readonly ApiConnection api;

    internal OperationsClient(ApiConnection api) => this.api = api;

    /// <summary>Lists platform alerts, one page, newest first.</summary>
    /// <param name="status">"open" (still firing; the API's default when null), "cleared" or "all".</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default (50) when null.</param>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page of alerts.</returns>
    /// <exception cref="AutoMlApiException">403 when the key's account is not an admin; 400 for an unknown status.</exception>
    public Task<Page<PlatformAlert>> ListAlertsAsync(string? status = null, int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<PlatformAlert>>(ApiConnection.Query("api/v1/admin/alerts", ("status", status),
            ("pageSize", pageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("cursor", cursor)), cancellationToken);

    /// <summary>Gets the last ledger reconciliation: when it ran, whether it balanced, and the accounts that drift.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The last run.</returns>
    /// <exception cref="AutoMlApiException">404 before the first run (hourly); 403 when the key's account is not an admin.</exception>
    public Task<Reconciliation> GetReconciliationAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<Reconciliation>("api/v1/admin/reconciliation", cancellationToken);

    /// <summary>Every platform alert with the status, newest first. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="status">"open" (the API's default when null), "cleared" or "all".</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The alerts.</returns>
    public IAsyncEnumerable<PlatformAlert> ListAllAlertsAsync(string? status = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => ListAlertsAsync(status, pageSize, c, t), cancellationToken);
}
