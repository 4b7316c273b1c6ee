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
}
