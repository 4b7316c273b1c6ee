using AutoMl.Sdk.Http;
using AutoMl.Sdk.Jobs;

namespace AutoMl.Sdk;

/// <summary>Submits training jobs, follows them live and waits for their end.</summary>
public sealed class JobsClient
{
    private readonly ApiConnection api;

    internal JobsClient(ApiConnection api) => this.api = api;

    /// <summary>Submits a job; its credits are held until it ends. Retries are safe: each call sends one Idempotency-Key.</summary>
    /// <param name="request">What to train.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The queued job.</returns>
    /// <exception cref="InsufficientCreditsException">The account cannot cover the budget.</exception>
    public Task<Job> SubmitAsync(JobRequest request, CancellationToken cancellationToken) => SubmitAsync(request, null, cancellationToken);

    /// <summary>Submits a job; its credits are held until it ends. Retries are safe: each call sends one Idempotency-Key.</summary>
    /// <param name="request">What to train.</param>
    /// <returns>The queued job.</returns>
    /// <exception cref="InsufficientCreditsException">The account cannot cover the budget.</exception>
    public Task<Job> SubmitAsync(JobRequest request) => SubmitAsync(request, null, CancellationToken.None);

    /// <summary>
    /// Submits a job with the call's options. Sending it again with the same <see cref="RequestOptions.IdempotencyKey"/>
    /// (after a crash, from another process) answers with the first job and holds its credits once.
    /// </summary>
    /// <param name="request">What to train.</param>
    /// <param name="options">The idempotency key and timeout; null for a fresh key and no time limit.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The queued job, or the job first sent with the same key.</returns>
    /// <exception cref="InsufficientCreditsException">The account cannot cover the budget.</exception>
    /// <exception cref="TimeoutException">No answer within <see cref="RequestOptions.Timeout"/>.</exception>
    public Task<Job> SubmitAsync(JobRequest request, RequestOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = api.Request(HttpMethod.Post, "api/v1/jobs", System.Net.Http.Json.JsonContent.Create(request, options: ApiConnection.Json));
        return api.SendAsync<Job>(message, options, cancellationToken);
    }

    /// <summary>Prices a job without submitting it.</summary>
    /// <param name="request">What to train.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The price and the credits available.</returns>
    public Task<JobQuote> QuoteAsync(JobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return api.PostAsync<JobQuote>("api/v1/jobs/quote", request, cancellationToken);
    }

    /// <summary>Gets a job's current state.</summary>
    /// <param name="id">The job's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job.</returns>
    public Task<Job> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        api.GetAsync<Job>($"api/v1/jobs/{id}", cancellationToken);

    /// <summary>Lists jobs, newest first.</summary>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A page of jobs.</returns>
    public Task<Page<Job>> ListAsync(string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<Job>>(ApiConnection.Query("api/v1/jobs", ("cursor", cursor)), cancellationToken);

    /// <summary>Gets the trials a job has run, in the order they ran.</summary>
    /// <param name="id">The job's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The trials.</returns>
    public async Task<IReadOnlyList<Trial>> GetTrialsAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await api.GetAsync<Page<Trial>>($"api/v1/jobs/{id}/trials", cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>Gets a job's leaderboard: its trials ordered by score, best first in the job's metric (a loss such as rmse is best low).</summary>
    /// <param name="id">The job's id.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The trials, best first.</returns>
    public async Task<IReadOnlyList<Trial>> GetLeaderboardAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var job = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        var trials = await GetTrialsAsync(id, cancellationToken).ConfigureAwait(false);
        return (job.Metric is { } metric && Metrics.HigherIsBetter(metric) ? trials.OrderByDescending(t => t.Score) : trials.OrderBy(t => t.Score)).ToList();
    }

    /// <summary>Gets a job's stored events after a sequence number, oldest first (at most 1,000 per call).</summary>
    /// <param name="id">The job's id.</param>
    /// <param name="afterSeq">Only events with a larger sequence number; 0 for all.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The events.</returns>
    public async Task<IReadOnlyList<JobEvent>> GetEventsAsync(Guid id, long afterSeq = 0, CancellationToken cancellationToken = default) =>
        (await api.GetAsync<Page<JobEvent>>(ApiConnection.Query($"api/v1/jobs/{id}/events", ("after", afterSeq.ToString(System.Globalization.CultureInfo.InvariantCulture))), cancellationToken)
            .ConfigureAwait(false)).Items;

    /// <summary>Cancels a job: at once when queued, within seconds when running.</summary>
    /// <param name="id">The job's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job as the cancellation left it.</returns>
    public Task<Job> CancelAsync(Guid id, CancellationToken cancellationToken = default) =>
        api.PostAsync<Job>($"api/v1/jobs/{id}/cancel", null, cancellationToken);

    /// <summary>
    /// Follows a job's events live over SignalR, oldest first, ending after the job's last event (succeeded,
    /// failed or cancelled). A dropped connection is reopened and resumed from the last event received, and
    /// before the last event the stored events are checked, so none is lost or repeated.
    /// </summary>
    /// <param name="id">The job's id.</param>
    /// <param name="afterSeq">Skip events up to this sequence number; 0 replays the job's events from its start.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>The job's events.</returns>
    public IAsyncEnumerable<JobEvent> WatchAsync(Guid id, long afterSeq = 0, CancellationToken cancellationToken = default) =>
        new JobWatcher(api, this, id, afterSeq).RunAsync(cancellationToken);

    /// <summary>Waits for a job to end by watching its events, then returns its final state.</summary>
    /// <param name="id">The job's id.</param>
    /// <param name="progress">Receives each event as it arrives, or null.</param>
    /// <param name="cancellationToken">Cancels the wait (not the job).</param>
    /// <returns>The finished job: check <see cref="Job.Status"/>.</returns>
    public async Task<Job> WaitForCompletionAsync(Guid id, IProgress<JobEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        var job = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (job.IsFinished)
        {
            return job;
        }
        await foreach (var e in WatchAsync(id, 0, cancellationToken).ConfigureAwait(false))
        {
            progress?.Report(e);
        }
        // The last event is published after the job's row is updated; the retry covers a replica that lags.
        for (var attempt = 0; ; attempt++)
        {
            job = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (job.IsFinished || attempt == 10)
            {
                return job;
            }
            await Task.Delay(api.Options.PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every job, newest first. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The jobs.</returns>
    public IAsyncEnumerable<Job> ListAllAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => api.GetAsync<Page<Job>>(ApiConnection.Query("api/v1/jobs", ("pageSize", Paging.Number(pageSize)), ("cursor", c)), t), cancellationToken);
}
