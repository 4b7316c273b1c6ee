using System.Globalization;
using AutoMl.Sdk.Http;

namespace AutoMl.Sdk;

/// <summary>Registered models: named lines of trained models with numbered versions and aliases that move with a reason.</summary>
public sealed class RegisteredModelsClient
{
    private readonly ApiConnection api;

    internal RegisteredModelsClient(ApiConnection api) => this.api = api;

    /// <summary>Lists your registered models, one page, newest first.</summary>
    /// <param name="search">Only those whose name contains this text, or with this tag; null for all.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default (50) when null.</param>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page of registered models.</returns>
    public Task<Page<RegisteredModel>> ListAsync(string? search = null, int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<RegisteredModel>>(ApiConnection.Query("api/v1/registered-models", ("q", search), ("pageSize", Number(pageSize)), ("cursor", cursor)), cancellationToken);

    /// <summary>Creates a registered model without versions; add them with <see cref="AddVersionAsync"/> or a job's <see cref="JobRequest.RegisteredModel"/>.</summary>
    /// <param name="model">Its name and, optionally, description, tags, task and target.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The registered model.</returns>
    /// <exception cref="AutoMlApiException">409 when the name is taken, 400 when it is malformed.</exception>
    public Task<RegisteredModel> CreateAsync(NewRegisteredModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return api.PostAsync<RegisteredModel>("api/v1/registered-models", model, cancellationToken);
    }

    /// <summary>Gets a registered model with its aliases and the endpoints serving it.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The registered model.</returns>
    public Task<RegisteredModel> GetAsync(string name, CancellationToken cancellationToken = default) =>
        api.GetAsync<RegisteredModel>(Path(name), cancellationToken);

    /// <summary>Changes a registered model's description or tags.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="update">What to change; null properties stay as they are.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The registered model as changed.</returns>
    public Task<RegisteredModel> UpdateAsync(string name, RegisteredModelUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return api.SendJsonAsync<RegisteredModel>(HttpMethod.Patch, Path(name), update, cancellationToken);
    }

    /// <summary>Deletes a registered model with its versions and aliases; the trained models stay. Needs a full-scope key.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes once it is deleted.</returns>
    /// <exception cref="AutoMlApiException">409 while an endpoint serves it.</exception>
    public Task DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        api.DeleteAsync(Path(name), cancellationToken);

    /// <summary>Lists a registered model's versions, one page, newest first.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default (50) when null.</param>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page of versions.</returns>
    public Task<Page<ModelVersion>> ListVersionsAsync(string name, int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<ModelVersion>>(ApiConnection.Query($"{Path(name)}/versions", ("pageSize", Number(pageSize)), ("cursor", cursor)), cancellationToken);

    /// <summary>Gets one version of a registered model.</summary>
    /// <param name="name">The registered model's name.</param>
    /// <param name="version">The version's number.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The version.</returns>
    public Task<ModelVersion> GetVersionAsync(string name, int version, CancellationToken cancellationToken = default) =>
        api.GetAsync<ModelVersion>($"{Path(name)}/versions/{version.ToString(CultureInfo.InvariantCulture)}", cancellationToken);

    /// <summary>Adds a trained model of yours as the registered model's next version; no alias moves.</summary>
    /// <param name="name">The registered model's name.</param>
    /// <param name="modelId">The trained model.</param>
    /// <param name="description">What changed in this version, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new version.</returns>
    /// <exception cref="AutoMlApiException">422 when the model's task, target or input columns differ from the registered model's; 409 when it is already a version.</exception>
    public Task<ModelVersion> AddVersionAsync(string name, Guid modelId, string? description = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<ModelVersion>($"{Path(name)}/versions", new { modelId, description }, cancellationToken);

    /// <summary>
    /// Points an alias at a version, creating the alias if needed; the version it left is then named previous, so a
    /// rollback is one move. Endpoints serving the alias answer with the new version from their next request.
    /// </summary>
    /// <param name="name">The registered model's name.</param>
    /// <param name="alias">The alias, e.g. production or staging.</param>
    /// <param name="version">The version it is to name.</param>
    /// <param name="reason">Why, as the alias's history shows it (1 to 500 characters).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The alias as moved.</returns>
    /// <exception cref="AutoMlApiException">422 when there is no such version.</exception>
    public Task<ModelAlias> MoveAliasAsync(string name, string alias, int version, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return api.SendJsonAsync<ModelAlias>(HttpMethod.Put, AliasPath(name, alias), new { version, reason }, cancellationToken);
    }

    /// <summary>Removes an alias; its history keeps the removal and the reason.</summary>
    /// <param name="name">The registered model's name.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="reason">Why, as the alias's history shows it (1 to 500 characters).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes once it is removed.</returns>
    /// <exception cref="AutoMlApiException">409 while an endpoint serves the alias.</exception>
    public Task RemoveAliasAsync(string name, string alias, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return api.DeleteAsync(ApiConnection.Query(AliasPath(name, alias), ("reason", reason)), cancellationToken);
    }

    /// <summary>Reads an alias's history, one page, latest move first.</summary>
    /// <param name="name">The registered model's name.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default (50) when null.</param>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page of moves.</returns>
    public Task<Page<AliasMove>> GetAliasHistoryAsync(string name, string alias, int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<AliasMove>>(ApiConnection.Query($"{AliasPath(name, alias)}/history", ("pageSize", Number(pageSize)), ("cursor", cursor)), cancellationToken);

    private static string Path(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return $"api/v1/registered-models/{Uri.EscapeDataString(name)}";
    }

    private static string AliasPath(string name, string alias)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        return $"{Path(name)}/aliases/{Uri.EscapeDataString(alias)}";
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every registered model whose name matches, by name. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="search">Only those whose name contains this text, or with this tag; null for all.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The registered models.</returns>
    public IAsyncEnumerable<RegisteredModel> ListAllAsync(string? search = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => ListAsync(search, pageSize, c, t), cancellationToken);

    /// <summary>Every version of a registered model, newest first. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="name">The registered model's name.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The versions.</returns>
    public IAsyncEnumerable<ModelVersion> ListAllVersionsAsync(string name, int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => ListVersionsAsync(name, pageSize, c, t), cancellationToken);

    /// <summary>Every move of an alias, newest first. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="name">The registered model's name.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The moves.</returns>
    public IAsyncEnumerable<AliasMove> ListAllAliasHistoryAsync(string name, string alias, int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => GetAliasHistoryAsync(name, alias, pageSize, c, t), cancellationToken);
}
