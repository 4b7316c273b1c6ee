using System.Globalization;
using AutoMl.Sdk.Http;

namespace AutoMl.Sdk;

/// <summary>
/// Workflows: saved training recipes that re-run on new data (now, on a schedule or on a new data set version), compare
/// the candidate with the version holding production on held-out rows, and promote it when it is better.
/// </summary>
public sealed class WorkflowsClient
{
    private readonly ApiConnection api;

    internal WorkflowsClient(ApiConnection api) => this.api = api;

    /// <summary>Lists your workflows, one page, newest first.</summary>
    /// <param name="pageSize">Per page, 1 to 200; the API's default (50) when null.</param>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page of workflows.</returns>
    public Task<Page<Workflow>> ListAsync(int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<Workflow>>(ApiConnection.Query("api/v1/workflows", ("pageSize", Number(pageSize)), ("cursor", cursor)), cancellationToken);

    /// <summary>Creates a workflow from a finished training job (<see cref="NewWorkflow.JobId"/>) or a data set and target.</summary>
    /// <param name="workflow">Its name, what it trains, the registered model, the policy, caps and triggers.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The workflow.</returns>
    /// <exception cref="AutoMlApiException">400 when a field is malformed; 404 when the job or data set is not yours.</exception>
    public Task<Workflow> CreateAsync(NewWorkflow workflow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return api.PostAsync<Workflow>("api/v1/workflows", workflow, cancellationToken);
    }

    /// <summary>Gets a workflow with its newest run.</summary>
    /// <param name="id">The workflow's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The workflow.</returns>
    public Task<Workflow> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        api.GetAsync<Workflow>(Path(id), cancellationToken);

    /// <summary>Changes a workflow's policy, margin, guardrails, caps, budget, schedule or triggers.</summary>
    /// <param name="id">The workflow's id.</param>
    /// <param name="update">What to change; null properties stay as they are.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The workflow as changed.</returns>
    public Task<Workflow> UpdateAsync(Guid id, WorkflowUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return api.SendJsonAsync<Workflow>(HttpMethod.Patch, Path(id), update, cancellationToken);
    }

    /// <summary>Deletes a workflow; the registered model, its versions and the trained models stay. Needs a full-scope key.</summary>
    /// <param name="id">The workflow's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes once it is deleted.</returns>
    public Task DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        api.DeleteAsync(Path(id), cancellationToken);

    /// <summary>Pauses a workflow: nothing starts a run (not its schedule, a new data set version or run now) until it is resumed.</summary>
    /// <param name="id">The workflow's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The workflow as paused.</returns>
    public Task<Workflow> PauseAsync(Guid id, CancellationToken cancellationToken = default) =>
        api.PostAsync<Workflow>($"{Path(id)}/pause", null, cancellationToken);

    /// <summary>Resumes a paused workflow.</summary>
    /// <param name="id">The workflow's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The workflow as resumed.</returns>
    public Task<Workflow> ResumeAsync(Guid id, CancellationToken cancellationToken = default) =>
        api.PostAsync<Workflow>($"{Path(id)}/resume", null, cancellationToken);

    /// <summary>
    /// Runs a workflow now on the newest ready version of its data set. The run is training, or already skipped or
    /// failed when a credit cap or the data stops it (see <see cref="WorkflowRun.Reason"/>); follow it with
    /// <see cref="WaitForRunAsync"/>.
    /// </summary>
    /// <param name="id">The workflow's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run.</returns>
    /// <exception cref="AutoMlApiException">409 while a run is still going or the workflow is paused.</exception>
    public Task<WorkflowRun> RunAsync(Guid id, CancellationToken cancellationToken = default) =>
        api.PostAsync<WorkflowRun>($"{Path(id)}/runs", null, cancellationToken);

    /// <summary>Lists a workflow's runs, one page, newest first.</summary>
    /// <param name="id">The workflow's id.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default (50) when null.</param>
    /// <param name="cursor">The previous page's <see cref="Page{T}.NextCursor"/>, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page of runs.</returns>
    public Task<Page<WorkflowRun>> ListRunsAsync(Guid id, int? pageSize = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        api.GetAsync<Page<WorkflowRun>>(ApiConnection.Query($"{Path(id)}/runs", ("pageSize", Number(pageSize)), ("cursor", cursor)), cancellationToken);

    /// <summary>Gets one run of a workflow with its report.</summary>
    /// <param name="id">The workflow's id.</param>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run.</returns>
    public Task<WorkflowRun> GetRunAsync(Guid id, Guid runId, CancellationToken cancellationToken = default) =>
        api.GetAsync<WorkflowRun>(RunPath(id, runId), cancellationToken);

    /// <summary>Promotes the candidate of a run awaiting approval: production moves to its version.</summary>
    /// <param name="id">The workflow's id.</param>
    /// <param name="runId">The run's id.</param>
    /// <param name="reason">Why, as the alias's history shows it; null for the API's sentence.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run, promoted.</returns>
    /// <exception cref="AutoMlApiException">409 when the run is not awaiting approval.</exception>
    public Task<WorkflowRun> ApproveAsync(Guid id, Guid runId, string? reason = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<WorkflowRun>($"{RunPath(id, runId)}/approve", new { reason }, cancellationToken);

    /// <summary>Rejects the candidate of a run awaiting approval: production stays where it is.</summary>
    /// <param name="id">The workflow's id.</param>
    /// <param name="runId">The run's id.</param>
    /// <param name="reason">Why, as the run keeps it; null for none.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run, rejected.</returns>
    /// <exception cref="AutoMlApiException">409 when the run is not awaiting approval.</exception>
    public Task<WorkflowRun> RejectAsync(Guid id, Guid runId, string? reason = null, CancellationToken cancellationToken = default) =>
        api.PostAsync<WorkflowRun>($"{RunPath(id, runId)}/reject", new { reason }, cancellationToken);

    /// <summary>
    /// Polls a run (every <see cref="AutoMlClientOptions.PollInterval"/>) until it leaves training: promoted,
    /// not promoted, awaiting approval, failed… The training itself takes about the workflow's budget.
    /// </summary>
    /// <param name="id">The workflow's id.</param>
    /// <param name="runId">The run's id.</param>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> to wait until cancelled.</param>
    /// <param name="cancellationToken">Cancels the wait (not the run).</param>
    /// <returns>The run as it left training: check <see cref="WorkflowRun.Status"/>.</returns>
    /// <exception cref="TimeoutException">The run was still training when the timeout passed.</exception>
    public async Task<WorkflowRun> WaitForRunAsync(Guid id, Guid runId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive, or Timeout.InfiniteTimeSpan.");
        }
        var deadline = timeout == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var run = await GetRunAsync(id, runId, cancellationToken).ConfigureAwait(false);
            if (!run.IsTraining)
            {
                return run;
            }
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                    $"The run {runId} of workflow {id} was still training after {timeout.TotalSeconds:0.#} s (its job: {run.JobId?.ToString() ?? "none"})."));
            }
            await Task.Delay(left < api.Options.PollInterval ? left : api.Options.PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Path(Guid id) => $"api/v1/workflows/{id}";

    private static string RunPath(Guid id, Guid runId) => $"{Path(id)}/runs/{runId}";

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every workflow, newest first. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The workflows.</returns>
    public IAsyncEnumerable<Workflow> ListAllAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => ListAsync(pageSize, c, t), cancellationToken);

    /// <summary>Every run of a workflow, newest first. Reads page after page as the enumeration goes on, so it may stop early.</summary>
    /// <param name="id">The workflow's id.</param>
    /// <param name="pageSize">Per page, 1 to 200; the API's default when null. Fewer round trips with larger pages, the same items.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <returns>The runs.</returns>
    public IAsyncEnumerable<WorkflowRun> ListAllRunsAsync(Guid id, int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync((c, t) => ListRunsAsync(id, pageSize, c, t), cancellationToken);
}
