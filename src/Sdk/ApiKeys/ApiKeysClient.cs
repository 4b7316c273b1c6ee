using AutoMl.Sdk.Http;

namespace AutoMl.Sdk;

/// <summary>The API key this client uses. Keys are created and revoked on the dashboard, never with a key.</summary>
public sealed class ApiKeysClient
{
    private readonly ApiConnection api;

    internal ApiKeysClient(ApiConnection api) => this.api = api;

    /// <summary>Describes this client's key, its scope included: a pipeline can check it may do what it is about to.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The key's name, prefix and scope.</returns>
    public Task<ApiKeyInfo> GetCurrentAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<ApiKeyInfo>("api/v1/api-keys/current", cancellationToken);
}
