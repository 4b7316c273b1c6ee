using System.Globalization;
using System.Net.Http.Json;
using AutoMl.Sdk.Http;

namespace AutoMl.Sdk;

/// <summary>
/// The admin console: accounts (find, read, tier, suspension, credits), the ad-claim review queue, the audit trail and
/// the platform's daily figures. Needs a key with the <see cref="ApiKeyScopes.Admin"/> scope, which only an admin
/// creates and which acts as an admin only while its owner is one; any other key gets 403.
/// </summary>
public sealed class AdminClient
{
    private readonly ApiConnection api;

    internal AdminClient(ApiConnection api) => this.api = api;

    /// <summary>Lists accounts, newest first, one page.</summary>
    /// <param name="query">Part of an email address, or a whole account id; null for every account.</param>
    /// <param name="tier">"free", "pro" or "enterprise"; null for all.</param>
    /// <param name="suspended">True for suspended accounts only, false for the others; null for both.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default (50) when null.</param>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page of accounts.</returns>
    public Task<Page<AdminUser>> ListUsersAsync(string? query = null, string? tier = null, bool? suspended = null, int? pageSize = null, string? cursor = null,
        CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<AdminUser>>(ApiConnection.Query("api/v1/admin/users", ("query", query), ("tier", tier),
            ("suspended", suspended is null ? null : suspended.Value ? "true" : "false"), ("pageSize", Number(pageSize)), ("cursor", cursor)), cancellationToken);

    /// <summary>Finds one account by its whole email address or its id.</summary>
    /// <param name="emailOrId">The address (any case) or the account id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The account, or null when none has this address or id.</returns>
    public async Task<AdminUser?> FindUserAsync(string emailOrId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emailOrId);
        var page = await api.GetAsync<Page<AdminUser>>(Guid.TryParse(emailOrId, out var id)
            ? ApiConnection.Query("api/v1/admin/users", ("query", id.ToString()))
            : ApiConnection.Query("api/v1/admin/users", ("email", emailOrId.Trim())), cancellationToken).ConfigureAwait(false);
        return page.Items.Count > 0 ? page.Items[0] : null;
    }

    /// <summary>Gets an account: tier, balance, suspension, last sign-in and counts.</summary>
    /// <param name="id">The account id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The account.</returns>
    /// <exception cref="AutoMlApiException">404 when no account has this id.</exception>
    public Task<AdminUser> GetUserAsync(Guid id, CancellationToken cancellationToken = default) =>
        api.GetAsync<AdminUser>($"api/v1/admin/users/{id}", cancellationToken);

    /// <summary>Lists an account's jobs, newest first, one page.</summary>
    /// <param name="id">The account id.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default (50) when null.</param>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page of jobs.</returns>
    public Task<Page<Job>> ListUserJobsAsync(Guid id, int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<Job>>(ApiConnection.Query($"api/v1/admin/users/{id}/jobs", ("pageSize", Number(pageSize)), ("cursor", cursor)), cancellationToken);

    /// <summary>Lists an account's data sets (each version a row), newest first, one page.</summary>
    /// <param name="id">The account id.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default (50) when null.</param>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page of data sets, without their columns.</returns>
    public Task<Page<Dataset>> ListUserDatasetsAsync(Guid id, int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<Dataset>>(ApiConnection.Query($"api/v1/admin/users/{id}/datasets", ("pageSize", Number(pageSize)), ("cursor", cursor)), cancellationToken);

    /// <summary>Lists an account's API keys, revoked ones included, newest first.</summary>
    /// <param name="id">The account id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Every key, on one page.</returns>
    public Task<Page<AdminApiKey>> ListUserKeysAsync(Guid id, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<AdminApiKey>>($"api/v1/admin/users/{id}/keys", cancellationToken);

    /// <summary>Reads an account's credit ledger, newest first, one page.</summary>
    /// <param name="id">The account id.</param>
    /// <param name="pageSize">Per page, 1 to 500; the API's default (100) when null.</param>
    /// <param name="cursor">The previous page's <see cref="AdminLedger.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The account and one page of its entries.</returns>
    public Task<AdminLedger> GetUserLedgerAsync(Guid id, int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<AdminLedger>(ApiConnection.Query($"api/v1/admin/users/{id}/ledger", ("pageSize", Number(pageSize)), ("cursor", cursor)), cancellationToken);

    /// <summary>Reads the audit trail, newest first, one page.</summary>
    /// <param name="userId">Only the rows about this account; null for all.</param>
    /// <param name="action">Only this act (sign-in, tier-change, account-suspension, …); null for all.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default (50) when null.</param>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page of events.</returns>
    public Task<Page<SecurityEvent>> ListAuditEventsAsync(Guid? userId = null, string? action = null, int? pageSize = null, string? cursor = null,
        CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<SecurityEvent>>(ApiConnection.Query("api/v1/admin/audit", ("userId", userId?.ToString()), ("action", action),
            ("pageSize", Number(pageSize)), ("cursor", cursor)), cancellationToken);

    /// <summary>Sets an account's tier; prices, limits and rate limits follow on its next request. Audited with the reason.</summary>
    /// <param name="id">The account id.</param>
    /// <param name="tier">"free", "pro" or "enterprise".</param>
    /// <param name="reason">Why, for the audit trail (3 to 300 characters).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The account after the change.</returns>
    public Task<AdminUser> SetTierAsync(Guid id, string tier, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tier);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return api.SendJsonAsync<AdminUser>(HttpMethod.Put, $"api/v1/admin/users/{id}/tier", new { tier, reason }, cancellationToken);
    }

    /// <summary>
    /// Suspends an account: its sessions end, its keys and sign-ins are refused, its queued and running jobs are cancelled.
    /// Audited with the reason. Suspending a suspended account changes nothing.
    /// </summary>
    /// <param name="id">The account id; not your own.</param>
    /// <param name="reason">Why (3 to 300 characters), kept with the account and in the audit trail.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The account, suspended.</returns>
    /// <exception cref="AutoMlApiException">409 for your own account.</exception>
    public Task<AdminUser> SuspendAsync(Guid id, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return api.PostAsync<AdminUser>($"api/v1/admin/users/{id}/suspend", new { reason }, cancellationToken);
    }

    /// <summary>Lifts a suspension: the user signs in again and their keys work.</summary>
    /// <param name="id">The account id.</param>
    /// <param name="reason">Why, for the audit trail; optional.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The account, no longer suspended.</returns>
    public Task<AdminUser> UnsuspendAsync(Guid id, string? reason = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<AdminUser>($"api/v1/admin/users/{id}/unsuspend", new { reason }, cancellationToken);

    /// <summary>Grants credits (positive) or takes them back (negative), with a reason. Retries are safe: each call sends one Idempotency-Key.</summary>
    /// <param name="id">The account id.</param>
    /// <param name="amount">Credits, not zero, at most 10,000,000 either way.</param>
    /// <param name="reason">Why (3 to 200 characters), written on the ledger entry and in the audit trail.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The account after the grant.</returns>
    /// <exception cref="AutoMlApiException">409 when taking back more than the account has available.</exception>
    public Task<AdminUser> GrantCreditsAsync(Guid id, long amount, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var request = api.Request(HttpMethod.Post, $"api/v1/admin/users/{id}/credits", JsonContent.Create(new { amount, reason }, options: ApiConnection.Json));
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return api.SendAsync<AdminUser>(request, cancellationToken);
    }

    /// <summary>Lists rewarded-ad claims, newest first.</summary>
    /// <param name="status">"held" (waiting for review; the default), "credited", "capped" or "rejected".</param>
    /// <param name="pageSize">How many, 1 to 200; the API's default (50) when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The claims.</returns>
    public Task<Page<AdClaim>> ListAdClaimsAsync(string status = "held", int? pageSize = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<AdClaim>>(ApiConnection.Query("api/v1/admin/ad-claims", ("status", status), ("pageSize", Number(pageSize))), cancellationToken);

    /// <summary>Approves a held claim: its credits go to the account.</summary>
    /// <param name="id">The claim's id.</param>
    /// <param name="note">A note kept with the decision.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the claim is decided.</returns>
    /// <exception cref="AutoMlApiException">409 when the claim is not held.</exception>
    public Task ApproveAdClaimAsync(Guid id, string? note = null, CancellationToken cancellationToken = default) =>
        ReviewAsync(id, "approve", note, cancellationToken);

    /// <summary>Rejects a held claim: no credits.</summary>
    /// <param name="id">The claim's id.</param>
    /// <param name="note">A note kept with the decision.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the claim is decided.</returns>
    /// <exception cref="AutoMlApiException">409 when the claim is not held.</exception>
    public Task RejectAdClaimAsync(Guid id, string? note = null, CancellationToken cancellationToken = default) =>
        ReviewAsync(id, "reject", note, cancellationToken);

    /// <summary>The platform per UTC day: sign-ups, active users, jobs, credits, revenue, queue and failures.</summary>
    /// <param name="from">The first day; 29 days before <paramref name="to"/> when null.</param>
    /// <param name="to">The last day; today (UTC) when null. At most 366 days in all.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Every day of the range.</returns>
    public Task<PlatformFigures> GetFiguresAsync(DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<PlatformFigures>(ApiConnection.Query("api/v1/admin/figures", ("from", Day(from)), ("to", Day(to))), cancellationToken);

    private async Task ReviewAsync(Guid id, string decision, string? note, CancellationToken ct)
    {
        using var request = api.Request(HttpMethod.Post, $"api/v1/admin/ad-claims/{id}/{decision}", JsonContent.Create(new { note }, options: ApiConnection.Json));
        using var response = await api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Day(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Every account matching the filters (as <see cref="ListUsersAsync"/>). Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="query">Part of the address, or an id; null for all.</param>
    /// <param name="tier">Only this tier; null for all.</param>
    /// <param name="suspended">Only suspended (true) or active (false) accounts; null for both.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The accounts.</returns>
    public IAsyncEnumerable<AdminUser> ListAllUsersAsync(string? query = null, string? tier = null, bool? suspended = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => ListUsersAsync(query, tier, suspended, pageSize, c, t), cancellationToken);

    /// <summary>Every job of an account, newest first. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="id">The account's id.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The jobs.</returns>
    public IAsyncEnumerable<Job> ListAllUserJobsAsync(Guid id, int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => ListUserJobsAsync(id, pageSize, c, t), cancellationToken);

    /// <summary>Every data set of an account, newest first. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="id">The account's id.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The data sets.</returns>
    public IAsyncEnumerable<Dataset> ListAllUserDatasetsAsync(Guid id, int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => ListUserDatasetsAsync(id, pageSize, c, t), cancellationToken);

    /// <summary>Every ledger entry of an account, newest first. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="id">The account's id.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The entries.</returns>
    public IAsyncEnumerable<CreditEntry> ListAllUserLedgerAsync(Guid id, int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync(async (c, t) => AsPage(await GetUserLedgerAsync(id, pageSize, c, t).ConfigureAwait(false)), cancellationToken);

    /// <summary>Every audit event matching the filters, newest first. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="userId">Only this account; null for all.</param>
    /// <param name="action">Only this action; null for all.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The events.</returns>
    public IAsyncEnumerable<SecurityEvent> ListAllAuditEventsAsync(Guid? userId = null, string? action = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => ListAuditEventsAsync(userId, action, pageSize, c, t), cancellationToken);

    private static Page<CreditEntry> AsPage(AdminLedger ledger) => new() { Items = ledger.Items, NextCursor = ledger.NextCursor };
}
