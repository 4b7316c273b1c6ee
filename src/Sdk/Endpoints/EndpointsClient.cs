using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AutoMl.Sdk.Http;

namespace AutoMl.Sdk;

/// <summary>Endpoints: predict through a stable name that follows a registered model's alias, send the truth back, read the logs, watch for drift.</summary>
public sealed class EndpointsClient
{
    // As for a model's predictions: typed rows keep their property names (or [JsonPropertyName]) as column names.
    private static readonly JsonSerializerOptions RowJson = new(JsonSerializerDefaults.General);

    private readonly ApiConnection api;

    internal EndpointsClient(ApiConnection api) => this.api = api;

    /// <summary>Lists your endpoints, one page, newest first.</summary>
    /// <param name="pageSize">Per page, 1 to 200; the API's default (50) when null.</param>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page of endpoints.</returns>
    public Task<Page<ServingEndpoint>> ListAsync(int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<ServingEndpoint>>(ApiConnection.Query("api/v1/endpoints", ("pageSize", Number(pageSize)), ("cursor", cursor)), cancellationToken);

    /// <summary>Creates an endpoint serving an alias of a registered model.</summary>
    /// <param name="endpoint">Its name, the registered model, the alias and an optional challenger.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="AutoMlApiException">404 when there is no such registered model, 409 when the name is taken.</exception>
    public Task<ServingEndpoint> CreateAsync(NewServingEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return api.PostAsync<ServingEndpoint>("api/v1/endpoints", endpoint, cancellationToken);
    }

    /// <summary>Gets an endpoint with the versions its aliases name now.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The endpoint.</returns>
    public Task<ServingEndpoint> GetAsync(string name, CancellationToken cancellationToken = default) =>
        api.GetAsync<ServingEndpoint>(Path(name), cancellationToken);

    /// <summary>Changes what an endpoint serves: its alias, its challenger, its description.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="update">What to change; null properties stay as they are.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The endpoint as changed.</returns>
    public Task<ServingEndpoint> UpdateAsync(string name, ServingEndpointUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return api.SendJsonAsync<ServingEndpoint>(HttpMethod.Patch, Path(name), update, cancellationToken);
    }

    /// <summary>Deletes an endpoint and the feedback sent to it; the registered model stays. Needs a full-scope key.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes once it is deleted.</returns>
    public Task DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        api.DeleteAsync(Path(name), cancellationToken);

    /// <summary>Predicts rows given as column → value dictionaries (1 to 1,000 rows per call) with the version the endpoint's alias names now.</summary>
    /// <param name="name">The endpoint's name.</param>
    /// <param name="rows">The rows; values are numbers, strings, booleans or null.</param>
    /// <param name="explain">Also return each feature's SHAP contribution.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The predictions, the version that made them and the request's id for feedback.</returns>
    /// <exception cref="AutoMlApiException">409 when the endpoint's alias names no version.</exception>
    public Task<EndpointPredictionResult> PredictAsync(string name, IEnumerable<IReadOnlyDictionary<string, object?>> rows, bool explain = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return SendPredictAsync(name, JsonSerializer.SerializeToElement(rows, RowJson), explain, cancellationToken);
    }

    /// <summary>Predicts typed rows (each public property, or its [JsonPropertyName], is a column) with the version the endpoint's alias names now.</summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <param name="name">The endpoint's name.</param>
    /// <param name="rows">The rows (1 to 1,000 per call).</param>
    /// <param name="explain">Also return each feature's SHAP contribution.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The predictions, the version that made them and the request's id for feedback.</returns>
    public Task<EndpointPredictionResult> PredictRowsAsync<TRow>(string name, IEnumerable<TRow> rows, bool explain = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return SendPredictAsync(name, JsonSerializer.SerializeToElement(rows, RowJson), explain, cancellationToken);
    }

    /// <summary>
    /// Starts a batch prediction of a data set with the version the endpoint's alias names now (a split's challenger
    /// serves online requests only). Follow it with <see cref="JobsClient.WaitForCompletionAsync"/>.
    /// </summary>
    /// <param name="name">The endpoint's name.</param>
    /// <param name="datasetId">The data set to predict; it must be ready.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The queued prediction job.</returns>
    public Task<Job> PredictDatasetAsync(string name, Guid datasetId, CancellationToken cancellationToken = default) =>
        api.PostAsync<Job>($"{Path(name)}/predictions", new { datasetId }, cancellationToken);

    /// <summary>Sends the true values of a prediction, so its log pairs the answer with the truth. Sent again, the latest wins.</summary>
    /// <param name="name">The endpoint's name.</param>
    /// <param name="requestId">The <see cref="EndpointPredictionResult.RequestId"/> of the prediction.</param>
    /// <param name="actual">One value (number, string or boolean) for a one-row request, or a list with one per row, in order.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The receipt.</returns>
    /// <exception cref="AutoMlApiException">409 when the request id belongs to another endpoint.</exception>
    public Task<FeedbackReceipt> SendFeedbackAsync(string name, Guid requestId, object actual, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actual);
        return api.PostAsync<FeedbackReceipt>($"{Path(name)}/feedback", new { requestId, actual = JsonSerializer.SerializeToElement(actual, RowJson) }, cancellationToken);
    }

    /// <summary>
    /// Reads an endpoint's logged requests, one page, latest first. The log is written just after the answer, so a
    /// request made a moment ago may not be in it yet.
    /// </summary>
    /// <param name="name">The endpoint's name.</param>
    /// <param name="role">served or shadow (<see cref="PredictionLogRoles"/>); both when null.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default (50) when null.</param>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page of logged requests.</returns>
    public Task<Page<PredictionLogEntry>> GetLogsAsync(string name, string? role = null, int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<PredictionLogEntry>>(ApiConnection.Query($"{Path(name)}/logs", ("role", role), ("pageSize", Number(pageSize)), ("cursor", cursor)), cancellationToken);

    /// <summary>Reads an endpoint's served traffic: requests, latency percentiles and requests per version.</summary>
    /// <param name="name">The endpoint's name.</param>
    /// <param name="hours">How many hours back, 1 to 720.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The statistics.</returns>
    public Task<EndpointStats> GetStatsAsync(string name, int hours = 24, CancellationToken cancellationToken = default) =>
        api.GetAsync<EndpointStats>(ApiConnection.Query($"{Path(name)}/stats", ("hours", Number(hours))), cancellationToken);

    /// <summary>Reads what an endpoint's monitor knows: the serving version's baselines, the lines and the latest windows.</summary>
    /// <param name="name">The endpoint's name.</param>
    /// <param name="windows">How many of the latest windows, 1 to 365; the API's default (30) when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The baselines, lines and windows.</returns>
    public Task<EndpointMonitoring> GetMonitoringAsync(string name, int? windows = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<EndpointMonitoring>(ApiConnection.Query($"{Path(name)}/monitoring", ("windows", Number(windows))), cancellationToken);

    /// <summary>Changes how long an endpoint's windows are, or which features have their own lines (the whole set at once).</summary>
    /// <param name="name">The endpoint's name.</param>
    /// <param name="update">What to change; null properties stay as they are.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The monitoring as changed.</returns>
    /// <exception cref="AutoMlApiException">400 when a window is not 1 to 168 hours or a feature's lines are not 0 &lt; warn &lt; alert ≤ 1.</exception>
    public Task<EndpointMonitoring> UpdateMonitoringAsync(string name, EndpointMonitoringUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return api.SendJsonAsync<EndpointMonitoring>(HttpMethod.Patch, $"{Path(name)}/monitoring", update, cancellationToken);
    }

    /// <summary>Lists the monitors' alerts of all your endpoints, or of one, one page, latest first.</summary>
    /// <param name="endpoint">Only this endpoint's (its name); all when null.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default (50) when null.</param>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page of alerts.</returns>
    /// <exception cref="AutoMlApiException">404 when there is no endpoint of that name.</exception>
    public Task<Page<EndpointAlert>> ListAlertsAsync(string? endpoint = null, int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<EndpointAlert>>(ApiConnection.Query("api/v1/alerts", ("endpoint", endpoint), ("pageSize", Number(pageSize)), ("cursor", cursor)), cancellationToken);

    private async Task<EndpointPredictionResult> SendPredictAsync(string name, JsonElement rows, bool explain, CancellationToken ct)
    {
        var request = api.Request(HttpMethod.Post, $"{Path(name)}/predict", JsonContent.Create(new { rows, explain }, options: ApiConnection.Json));
        // One key per call: however the request is retried, it is charged once.
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return await api.SendAsync<EndpointPredictionResult>(request, ct).ConfigureAwait(false);
    }

    private static string Path(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return $"api/v1/endpoints/{Uri.EscapeDataString(name)}";
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every endpoint, newest first. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The endpoints.</returns>
    public IAsyncEnumerable<ServingEndpoint> ListAllAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => ListAsync(pageSize, c, t), cancellationToken);

    /// <summary>Every logged request of an endpoint, newest first. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="name">The endpoint's name.</param>
    /// <param name="role">served or shadow (<see cref="PredictionLogRoles"/>); both when null.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The logged requests.</returns>
    public IAsyncEnumerable<PredictionLogEntry> ListAllLogsAsync(string name, string? role = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => GetLogsAsync(name, role, pageSize, c, t), cancellationToken);

    /// <summary>Every monitoring alert, newest first. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="endpoint">Only this endpoint's; null for all.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The alerts.</returns>
    public IAsyncEnumerable<EndpointAlert> ListAllAlertsAsync(string? endpoint = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => ListAlertsAsync(endpoint, pageSize, c, t), cancellationToken);
}
