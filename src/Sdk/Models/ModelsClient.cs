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
    public Task<PredictionResult> PredictAsync(Guid id, IEnumerable<IReadOnlyDictionary<string, object?>> rows, CancellationToken cancellationToken) =>
        PredictAsync(id, rows, false, null, cancellationToken);

    /// <summary>Predicts rows given as column → value dictionaries (1 to 1,000 rows per call, charged per 1,000 rows).</summary>
    /// <param name="id">The model's id.</param>
    /// <param name="rows">The rows; values are numbers, strings, booleans or null.</param>
    /// <returns>One prediction per row, in order, and the credits the request cost.</returns>
    public Task<PredictionResult> PredictAsync(Guid id, IEnumerable<IReadOnlyDictionary<string, object?>> rows) =>
        PredictAsync(id, rows, false, null, CancellationToken.None);

    /// <summary>Predicts typed rows: each public property (or its [JsonPropertyName]) is a column.</summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <param name="id">The model's id.</param>
    /// <param name="rows">The rows (1 to 1,000 per call).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One prediction per row, in order, and the credits the request cost.</returns>
    public Task<PredictionResult> PredictRowsAsync<TRow>(Guid id, IEnumerable<TRow> rows, CancellationToken cancellationToken) =>
        PredictRowsAsync(id, rows, false, null, cancellationToken);

    /// <summary>Predicts typed rows: each public property (or its [JsonPropertyName]) is a column.</summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <param name="id">The model's id.</param>
    /// <param name="rows">The rows (1 to 1,000 per call).</param>
    /// <returns>One prediction per row, in order, and the credits the request cost.</returns>
    public Task<PredictionResult> PredictRowsAsync<TRow>(Guid id, IEnumerable<TRow> rows) =>
        PredictRowsAsync(id, rows, false, null, CancellationToken.None);

    /// <summary>
    /// Predicts rows and, with <paramref name="explain"/>, explains each one: <see cref="Prediction.Contributions"/> (each
    /// feature's SHAP value) adding up from <see cref="Prediction.ExpectedValue"/>. Explaining takes at most 100 rows per call.
    /// </summary>
    /// <param name="id">The model's id.</param>
    /// <param name="rows">The rows; values are numbers, strings, booleans or null.</param>
    /// <param name="explain">Whether to return each row's SHAP contributions (a model without tree members refuses with 422).</param>
    /// <param name="options">The call's idempotency key and timeout; null for a fresh key and no time limit.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One prediction per row, in order, and the credits the request cost.</returns>
    /// <exception cref="AutoMlValidationException">More than 100 rows to explain, or a model that cannot explain.</exception>
    /// <exception cref="TimeoutException">No answer within <see cref="RequestOptions.Timeout"/>.</exception>
    public Task<PredictionResult> PredictAsync(Guid id, IEnumerable<IReadOnlyDictionary<string, object?>> rows, bool explain, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return SendPredictAsync(id, JsonSerializer.SerializeToElement(rows, RowJson), explain, options, cancellationToken);
    }

    /// <summary>Predicts typed rows (each public property or its [JsonPropertyName] a column), explaining each with <paramref name="explain"/>.</summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <param name="id">The model's id.</param>
    /// <param name="rows">The rows (1 to 1,000 per call; at most 100 when explaining).</param>
    /// <param name="explain">Whether to return each row's SHAP contributions.</param>
    /// <param name="options">The call's idempotency key and timeout; null for a fresh key and no time limit.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One prediction per row, in order, and the credits the request cost.</returns>
    public Task<PredictionResult> PredictRowsAsync<TRow>(Guid id, IEnumerable<TRow> rows, bool explain, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return SendPredictAsync(id, JsonSerializer.SerializeToElement(rows, RowJson), explain, options, cancellationToken);
    }

    /// <summary>
    /// Starts a batch prediction job over a ready data set of yours: it holds its price (per 1,000 rows) and is charged
    /// when it succeeds. Follow it with <see cref="JobsClient.WaitForCompletionAsync"/>, then read the CSV with
    /// <see cref="DownloadBatchPredictionsAsync"/>; or do all three with <see cref="PredictDatasetAsync"/>.
    /// </summary>
    /// <param name="id">The model's id.</param>
    /// <param name="datasetId">The data set whose rows to predict.</param>
    /// <param name="options">The call's idempotency key and timeout; null for a fresh key and no time limit.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The queued job (<see cref="Job.Kind"/> predict).</returns>
    /// <exception cref="AutoMlNotFoundException">No such model or data set in your account.</exception>
    /// <exception cref="InsufficientCreditsException">The account cannot cover the rows.</exception>
    public Task<Job> SubmitBatchPredictionAsync(Guid id, Guid datasetId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        api.SendAsync<Job>(api.Request(HttpMethod.Post, $"api/v1/models/{id}/predictions", JsonContent.Create(new { datasetId }, options: ApiConnection.Json)), options, cancellationToken);

    /// <summary>Writes a succeeded batch prediction's CSV (one row per input row, in order) into a stream.</summary>
    /// <param name="jobId">The batch prediction job's id.</param>
    /// <param name="destination">Where to write the CSV.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A task that completes once the CSV is written.</returns>
    /// <exception cref="AutoMlApiException">409 while the job has not succeeded; 404 for a job that is not a batch prediction of yours.</exception>
    public async Task DownloadBatchPredictionsAsync(Guid jobId, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var request = api.Request(HttpMethod.Get, $"api/v1/models/predictions/{jobId}/result");
        using var response = await api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Predicts every row of a data set in one batch job: submits it, waits for its end and, when it succeeded, writes the
    /// predictions CSV into <paramref name="destination"/>.
    /// </summary>
    /// <param name="id">The model's id.</param>
    /// <param name="datasetId">The data set whose rows to predict.</param>
    /// <param name="destination">Where to write the CSV.</param>
    /// <param name="options">The submission's idempotency key and timeout (the wait has none: cancel the token to stop waiting).</param>
    /// <param name="cancellationToken">Cancels the wait (not the job).</param>
    /// <returns>The finished job: nothing was written unless its <see cref="Job.Status"/> is succeeded (see <see cref="Job.Error"/>).</returns>
    public async Task<Job> PredictDatasetAsync(Guid id, Guid datasetId, Stream destination, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var job = await SubmitBatchPredictionAsync(id, datasetId, options, cancellationToken).ConfigureAwait(false);
        job = await jobs.WaitForCompletionAsync(job.Id, null, cancellationToken).ConfigureAwait(false);
        if (job.Status == JobStatuses.Succeeded)
        {
            await DownloadBatchPredictionsAsync(job.Id, destination, cancellationToken).ConfigureAwait(false);
        }
        return job;
    }

    /// <summary>Every model matching the options' filters, in their order, walking the pages from <see cref="ModelListOptions.Cursor"/>.</summary>
    /// <param name="options">Filters, order and page size; null for all models, newest first.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The models.</returns>
    public IAsyncEnumerable<ModelSummary> ListAllAsync(ModelListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var o = options ?? new ModelListOptions();
        return Paging.AllAsync((c, t) => ListAsync(new ModelListOptions
        {
            Task = o.Task,
            DatasetId = o.DatasetId,
            Search = o.Search,
            Sort = o.Sort,
            Ascending = o.Ascending,
            PageSize = o.PageSize,
            Cursor = c ?? o.Cursor,
        }, t), cancellationToken);
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

    private async Task<PredictionResult> SendPredictAsync(Guid id, JsonElement rows, bool explain, RequestOptions? options, CancellationToken ct)
    {
        var body = JsonContent.Create(new { rows, explain }, options: ApiConnection.Json);
        // One key per call (the caller's, or a fresh one): however the request is retried, it is charged once.
        var answer = await api.SendAsync<PredictAnswer>(api.Request(HttpMethod.Post, $"api/v1/models/{id}/predict", body), options, ct).ConfigureAwait(false);
        return new PredictionResult(answer.Predictions, answer.CreditsCharged);
    }

    private sealed record ThresholdBody(double? Threshold, string? Objective, double? Target, ThresholdCosts? Costs);

    private sealed record PredictAnswer(IReadOnlyList<Prediction> Predictions, long CreditsCharged);
}
