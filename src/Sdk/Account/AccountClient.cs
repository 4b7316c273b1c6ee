using System.Net.Http.Json;
using AutoMl.Sdk.Http;

namespace AutoMl.Sdk;

/// <summary>
/// The account the key belongs to. A key may read it, never change it (password, address, settings and deletion are
/// the dashboard's, behind a signed-in session), so a leaked key cannot lock its owner out.
/// </summary>
public sealed class AccountClient
{
    private readonly ApiConnection api;

    internal AccountClient(ApiConnection api) => this.api = api;

    /// <summary>Gets the account: address, tier, welcome bonus and notification settings.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The account the key belongs to.</returns>
    public Task<AccountInfo> GetMeAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<AccountInfo>("api/v1/me", cancellationToken);

    /// <summary>Lists your account's security events (the audit trail's rows about it), one page, newest first.</summary>
    /// <param name="pageSize">Per page, 1 to 200; the API's default (50) when null.</param>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page of events.</returns>
    public Task<Page<SecurityEvent>> ListSecurityEventsAsync(int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<SecurityEvent>>(ApiConnection.Query("api/v1/me/security-events",
            ("pageSize", pageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("cursor", cursor)), cancellationToken);

    /// <summary>
    /// Asks for an export of everything the account owns (profile, ledger, audit events, data set files, models, jobs,
    /// registry, endpoints, workflows). A worker writes the zip and mails its link; poll <see cref="GetExportAsync"/>
    /// until it is ready, then <see cref="DownloadExportAsync"/>. Needs a key of the "full" scope.
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The export, queued.</returns>
    /// <exception cref="AutoMlApiException">409 while another export is in progress; 429 after 3 in 24 hours.</exception>
    public Task<DataExport> RequestExportAsync(CancellationToken cancellationToken = default) =>
        api.PostAsync<DataExport>("api/v1/me/export", null, cancellationToken);

    /// <summary>Gets one export: its status and, once ready, its download link.</summary>
    /// <param name="id">The export's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The export.</returns>
    public Task<DataExport> GetExportAsync(Guid id, CancellationToken cancellationToken = default) =>
        api.GetAsync<DataExport>($"api/v1/me/exports/{id}", cancellationToken);

    /// <summary>Lists the account's exports, one page, newest first.</summary>
    /// <param name="pageSize">Per page, 1 to 200; the API's default (20) when null.</param>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page of exports.</returns>
    public Task<Page<DataExport>> ListExportsAsync(int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<DataExport>>(ApiConnection.Query("api/v1/me/exports",
            ("pageSize", pageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("cursor", cursor)), cancellationToken);

    /// <summary>Downloads a ready export's zip into a stream, through its signed link.</summary>
    /// <param name="id">The export's id.</param>
    /// <param name="destination">Where to write the zip.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A task that completes once the zip is written.</returns>
    /// <exception cref="InvalidOperationException">The export is not ready (still running, failed or expired).</exception>
    /// <exception cref="AutoMlApiException">410 when it expired meanwhile.</exception>
    public async Task DownloadExportAsync(Guid id, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var export = await GetExportAsync(id, cancellationToken).ConfigureAwait(false);
        if (export.DownloadUrl is not { } link)
        {
            throw new InvalidOperationException($"Export {id} is {export.Status}, not ready: there is nothing to download.");
        }
        // The link's token is the credential; the key is not sent with it.
        using var request = api.Request(HttpMethod.Get, link.TrimStart('/'));
        request.Headers.Authorization = null;
        using var response = await api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sets a new password with the token of a reset link (the <c>token</c> of the link mailed by "Forgot your password?"),
    /// e.g. from a support tool. Sent without the key: it acts on the account the link was mailed for. Every signed-in
    /// session of that account ends; its API keys keep working.
    /// </summary>
    /// <param name="email">The address the link was mailed to.</param>
    /// <param name="token">The link's token, as it appears in the link.</param>
    /// <param name="newPassword">The new password: at least 10 characters, 4 of them different.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the password is set.</returns>
    /// <exception cref="AutoMlApiException">400 when the link is not valid (expired, used, superseded) or the password breaks the rules.</exception>
    public async Task ResetPasswordAsync(string email, string token, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        ArgumentNullException.ThrowIfNull(newPassword);
        using var request = api.Request(HttpMethod.Post, "api/v1/auth/password/reset",
            JsonContent.Create(new { email, token, newPassword }, options: ApiConnection.Json));
        request.Headers.Authorization = null;
        using var response = await api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every security event of the account, newest first. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The events.</returns>
    public IAsyncEnumerable<SecurityEvent> ListAllSecurityEventsAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => ListSecurityEventsAsync(pageSize, c, t), cancellationToken);

    /// <summary>Every data export of the account, newest first. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The exports.</returns>
    public IAsyncEnumerable<DataExport> ListAllExportsAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => ListExportsAsync(pageSize, c, t), cancellationToken);
}
