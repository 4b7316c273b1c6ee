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
}
