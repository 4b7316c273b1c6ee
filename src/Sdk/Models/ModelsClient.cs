using System.Net.Http.Json;
using System.Text.Json;
using AutoMl.Sdk.Http;

namespace AutoMl.Sdk;

/// <summary>Reads trained models, predicts with them and downloads their bundles.</summary>
public sealed partial class ModelsClient
{
    // Typed rows keep their property names (or [JsonPropertyName]) as column names: columns are rarely camelCase.
    private static readonly JsonSerializerOptions RowJson = new(JsonSerializerDefaults.General);

    private readonly ApiConnection api;
    private readonly JobsClient jobs;

    internal ModelsClient(ApiConnection api, JobsClient jobs)
    {
        this.api = api;
        this.jobs = jobs;
    }

    /// <summary>Lists your models: one page, filtered and ordered as asked (newest first by default).</summary>
    /// <param name="options">Filters, order and page; null for the first page of all models, newest first.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page; pass its <see cref="Page{T}.NextCursor"/> in <see cref="ModelListOptions.Cursor"/> for the next.</returns>
    public Task<Page<ModelSummary>> ListAsync(ModelListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var o = options ?? new ModelListOptions();
        var query = ApiConnection.Query(
            "api/v1/models",
            ("task", o.Task),
            ("datasetId", o.DatasetId?.ToString()),
            ("q", o.Search),
            ("sort", o.Sort.ToString().ToLowerInvariant()),
            ("order", o.Ascending ? "asc" : "desc"),
            ("pageSize", o.PageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("cursor", o.Cursor));
        return api.GetAsync<Page<ModelSummary>>(query, cancellationToken);
    }

    /// <summary>Sets two to four of your models side by side: metrics with the best marked, curves, and warnings when they differ in task, target or data set.</summary>
    /// <param name="ids">The models' ids.</param>
    /// <returns>The comparison, in the order of <paramref name="ids"/>.</returns>
    public Task<ModelComparison> CompareAsync(params Guid[] ids) => CompareAsync((IEnumerable<Guid>)ids);

    /// <summary>Sets two to four of your models side by side: metrics with the best marked, curves, and warnings when they differ in task, target or data set.</summary>
    /// <param name="ids">The models' ids.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The comparison, in the order of <paramref name="ids"/>.</returns>
    public Task<ModelComparison> CompareAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return api.GetAsync<ModelComparison>(ApiConnection.Query("api/v1/models/compare", ("ids", string.Join(',', ids))), cancellationToken);
    }

    /// <summary>Gets a model with its metrics.</summary>
    /// <param name="id">The model's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The model.</returns>
    public Task<Model> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        api.GetAsync<Model>($"api/v1/models/{id}", cancellationToken);

    /// <summary>How the model's top features move its output: partial dependence with ICE lines and a SHAP summary.</summary>
    /// <param name="id">The model.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The effects stored with the model when it was trained.</returns>
    public Task<ModelEffects> GetEffectsAsync(Guid id, CancellationToken cancellationToken = default) =>
        api.GetAsync<ModelEffects>($"api/v1/models/{id}/effects", cancellationToken);

    /// <summary>Gets the leaderboard of the job that trained a model: its trials, best first.</summary>
    /// <param name="id">The model's id.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The trials ordered by score, best first in the model's metric.</returns>
    public async Task<IReadOnlyList<Trial>> GetLeaderboardAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var model = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        var trials = await jobs.GetTrialsAsync(model.JobId, cancellationToken).ConfigureAwait(false);
        return (Metrics.HigherIsBetter(model.Metric) ? trials.OrderByDescending(t => t.Score) : trials.OrderBy(t => t.Score)).ToList();
    }

    /// <summary>Predicts rows given as column → value dictionaries (1 to 1,000 rows per call, charged per 1,000 rows).</summary>
    /// <param name="id">The model's id.</param>
    /// <param name="rows">The rows; values are numbers, strings, booleans or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One prediction per row, in order, and the credits the request cost.</returns>
    public Task<PredictionResult> PredictAsync(Guid id, IEnumerable<IReadOnlyDictionary<string, object?>> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return SendPredictAsync(id, JsonSerializer.SerializeToElement(rows, RowJson), cancellationToken);
    }

    /// <summary>Predicts typed rows: each public property (or its [JsonPropertyName]) is a column.</summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <param name="id">The model's id.</param>
    /// <param name="rows">The rows (1 to 1,000 per call).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One prediction per row, in order, and the credits the request cost.</returns>
    public Task<PredictionResult> PredictRowsAsync<TRow>(Guid id, IEnumerable<TRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return SendPredictAsync(id, JsonSerializer.SerializeToElement(rows, RowJson), cancellationToken);
    }

    /// <summary>Downloads the model's bundle (a zip the AutoMl runtime loads) into a stream.</summary>
    /// <param name="id">The model's id.</param>
    /// <param name="destination">Where to write the bundle.</param>
    /// <returns>A task that completes once the bundle is written.</returns>
    public Task DownloadAsync(Guid id, Stream destination) =>
        DownloadAsync(id, ModelDownloadFormat.Bundle, destination, CancellationToken.None);

    /// <summary>Downloads the model's bundle (a zip the AutoMl runtime loads) into a stream.</summary>
    /// <param name="id">The model's id.</param>
    /// <param name="destination">Where to write the bundle.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A task that completes once the bundle is written.</returns>
    public Task DownloadAsync(Guid id, Stream destination, CancellationToken cancellationToken) =>
        DownloadAsync(id, ModelDownloadFormat.Bundle, destination, cancellationToken);

    /// <summary>Downloads the model as its bundle or as ONNX into a stream.</summary>
    /// <param name="id">The model's id.</param>
    /// <param name="format">Bundle (for AutoMl.Runtime) or ONNX (for any ONNX runtime).</param>
    /// <param name="destination">Where to write the file.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A task that completes once the file is written.</returns>
    /// <exception cref="AutoMlApiException">422 when the model cannot be expressed in ONNX; the detail says why.</exception>
    public async Task DownloadAsync(Guid id, ModelDownloadFormat format, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var query = format == ModelDownloadFormat.Onnx ? "onnx" : "bundle";
        using var request = api.Request(HttpMethod.Get, $"api/v1/models/{id}/download?format={query}");
        using var response = await api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Chooses a binary model's decision threshold; from then on every prediction (online, batch, endpoints) labels with it. Probabilities do not change.</summary>
    /// <param name="id">The model's id.</param>
    /// <param name="choice">A value, or an objective: <see cref="ThresholdChoice.MaxF1"/>, <see cref="ThresholdChoice.PrecisionAtLeast"/>, <see cref="ThresholdChoice.RecallAtLeast"/>, <see cref="ThresholdChoice.LeastCost"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The model with its new <see cref="Model.Threshold"/>. A target no threshold reaches, or a model that is not binary, is an <see cref="AutoMlApiException"/> with status 422.</returns>
    public Task<Model> SetThresholdAsync(Guid id, ThresholdChoice choice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var body = new ThresholdBody(choice.Threshold, choice.Objective, choice.Target, choice.Costs);
        return api.SendJsonAsync<Model>(HttpMethod.Put, $"api/v1/models/{id}/threshold", body, cancellationToken);
    }

    /// <summary>Puts a binary model's decision threshold back to the default 0.5.</summary>
    /// <param name="id">The model's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The model with its threshold at 0.5.</returns>
    public Task<Model> ClearThresholdAsync(Guid id, CancellationToken cancellationToken = default) =>
        api.SendAsync<Model>(api.Request(HttpMethod.Delete, $"api/v1/models/{id}/threshold"), cancellationToken);

    /// <summary>Deletes a model and its bundle.</summary>
    /// <param name="id">The model's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes once it is deleted.</returns>
    public Task DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        api.DeleteAsync($"api/v1/models/{id}", cancellationToken);

    private async Task<PredictionResult> SendPredictAsync(Guid id, JsonElement rows, CancellationToken ct)
    {
        var body = JsonContent.Create(new { rows }, options: ApiConnection.Json);
        var request = api.Request(HttpMethod.Post, $"api/v1/models/{id}/predict", body);
        // One key per call: however the request is retried, it is charged once.
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var answer = await api.SendAsync<PredictAnswer>(request, ct).ConfigureAwait(false);
        return new PredictionResult(answer.Predictions, answer.CreditsCharged);
    }

    private sealed record ThresholdBody(double? Threshold, string? Objective, double? Target, ThresholdCosts? Costs);

    private sealed record PredictAnswer(IReadOnlyList<Prediction> Predictions, long CreditsCharged);
}
