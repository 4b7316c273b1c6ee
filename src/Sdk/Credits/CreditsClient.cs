using AutoMl.Sdk.Http;

namespace AutoMl.Sdk;

/// <summary>The account's credit balance and ledger.</summary>
public sealed class CreditsClient
{
    private readonly ApiConnection api;

    internal CreditsClient(ApiConnection api) => this.api = api;

    /// <summary>Gets the balance, held and available credits.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The account's credits.</returns>
    public Task<CreditBalance> GetBalanceAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<CreditBalance>("api/v1/credits", cancellationToken);

    /// <summary>Gets a page of ledger entries, newest first.</summary>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    public Task<Page<CreditEntry>> GetEntriesAsync(string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<CreditEntry>>(ApiConnection.Query("api/v1/credits/entries", ("cursor", cursor)), cancellationToken);

    /// <summary>Every ledger entry, newest first. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The entries.</returns>
    public IAsyncEnumerable<CreditEntry> ListAllEntriesAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => api.GetAsync<Page<CreditEntry>>(ApiConnection.Query("api/v1/credits/entries", ("pageSize", Paging.Number(pageSize)), ("cursor", c)), t), cancellationToken);
}
