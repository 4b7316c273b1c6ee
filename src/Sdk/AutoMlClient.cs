using AutoMl.Sdk.Http;

namespace AutoMl.Sdk;

/// <summary>
/// The AutoMl API: data sets, training jobs, models, registered models and endpoints, workflows, credits and the key in use. Thread-safe; create one per API key and reuse it.
/// </summary>
public sealed class AutoMlClient : IDisposable
{
    private readonly HttpClient? owned;

    /// <summary>Creates a client with its own HTTP connection pool and the retry policy of <see cref="AutoMlClientOptions.Retry"/>.</summary>
    /// <param name="options">The address, API key and retry settings.</param>
    public AutoMlClient(AutoMlClientOptions options)
        : this(options, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
    }

    /// <summary>
    /// Creates a client over a message handler of your own (a proxy, a test server), wrapped in the retry policy of
    /// <see cref="AutoMlClientOptions.Retry"/>. The client disposes the handler with itself.
    /// </summary>
    /// <param name="options">The address, API key and retry settings.</param>
    /// <param name="handler">The innermost handler that sends the requests.</param>
    public AutoMlClient(AutoMlClientOptions options, HttpMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        options.Validate();
        owned = new HttpClient(RetryPipeline.Wrap(options.Retry, handler), disposeHandler: true) { BaseAddress = options.BaseAddress };
        (Datasets, Jobs, Models, RegisteredModels, Endpoints, Workflows, Credits, ApiKeys, Account, Operations, Admin) = Areas(new ApiConnection(owned, options));
    }

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> you manage, e.g. from IHttpClientFactory (see
    /// <see cref="AutoMlServiceCollectionExtensions.AddAutoMlClient"/>, which adds the retry policy). Its
    /// BaseAddress, when set, wins over <see cref="AutoMlClientOptions.BaseAddress"/>.
    /// </summary>
    /// <param name="httpClient">The client that sends the requests; not disposed by this one.</param>
    /// <param name="options">The address and API key.</param>
    public AutoMlClient(HttpClient httpClient, AutoMlClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (Datasets, Jobs, Models, RegisteredModels, Endpoints, Workflows, Credits, ApiKeys, Account, Operations, Admin) = Areas(new ApiConnection(httpClient, options));
    }

    /// <summary>Data sets: upload, get, list, delete.</summary>
    public DatasetsClient Datasets { get; }

    /// <summary>Training jobs: submit, quote, get, cancel, watch, wait.</summary>
    public JobsClient Jobs { get; }

    /// <summary>Models: get, leaderboard, predict, download.</summary>
    public ModelsClient Models { get; }

    /// <summary>Registered models: versions of trained models under one name, and aliases that move with a reason.</summary>
    public RegisteredModelsClient RegisteredModels { get; }

    /// <summary>Endpoints: predict through an alias of a registered model, send feedback, read logs and stats, monitoring and alerts.</summary>
    public EndpointsClient Endpoints { get; }

    /// <summary>Workflows: saved training recipes that re-run on new data and promote a better model, with their runs and decisions.</summary>
    public WorkflowsClient Workflows { get; }

    /// <summary>Credits: balance and ledger.</summary>
    public CreditsClient Credits { get; }

    /// <summary>The API key this client uses: its name and scope.</summary>
    public ApiKeysClient ApiKeys { get; }

    /// <summary>The account the key belongs to: read it, or set a new password from a reset link.</summary>
    public AccountClient Account { get; }

    /// <summary>For admins: the platform's alerts and the ledger reconciliation's last result.</summary>
    public OperationsClient Operations { get; }

    /// <summary>The admin console: accounts, tiers, suspension, credits, ad-claim review, audit trail and figures. Needs an admin-scope key.</summary>
    public AdminClient Admin { get; }

    /// <summary>
    /// Trains a model on a file in one call: uploads it, waits for the data set to be ready, submits the job, reports its
    /// events as they come and returns once it has ended, with its model when it succeeded.
    /// </summary>
    /// <param name="path">A CSV, TSV, Parquet or Excel file with a header row.</param>
    /// <param name="target">The column to predict.</param>
    /// <param name="budgetSeconds">The training budget in seconds (10 to 21,600; the tier may allow less).</param>
    /// <param name="progress">Receives the stage: bytes sent while uploading, then each of the job's events; or null.</param>
    /// <param name="cancellationToken">Stops waiting; a job already submitted goes on (cancel it with <see cref="JobsClient.CancelAsync"/>).</param>
    /// <returns>The data set, the finished job and its model (null unless the job succeeded: see <see cref="Job.Error"/>).</returns>
    /// <exception cref="AutoMlValidationException">The file could not be read as a data set (its error is the detail), or the data cannot train as asked.</exception>
    /// <exception cref="InsufficientCreditsException">The account cannot cover the budget.</exception>
    public async Task<TrainingResult> TrainAsync(string path, string target, int budgetSeconds, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(target);
        var dataset = await Datasets.UploadFileAsync(path, progress is null ? null : new SyncReport<long>(b => progress.Report(new TrainingProgress { Stage = TrainingStages.Uploading, BytesSent = b })), cancellationToken).ConfigureAwait(false);
        progress?.Report(new TrainingProgress { Stage = TrainingStages.Ingesting, DatasetId = dataset.Id });
        dataset = await Datasets.WaitUntilSettledAsync(dataset.Id, cancellationToken).ConfigureAwait(false);
        if (dataset.Status != DatasetStatuses.Ready)
        {
            throw new AutoMlValidationException(System.Net.HttpStatusCode.UnprocessableEntity, "The file could not be read as a data set", dataset.Error);
        }
        var job = await Jobs.SubmitAsync(new JobRequest { DatasetId = dataset.Id, Target = target, BudgetSeconds = budgetSeconds }, cancellationToken).ConfigureAwait(false);
        var events = progress is null ? null : new SyncReport<JobEvent>(e => progress.Report(new TrainingProgress { Stage = TrainingStages.Training, DatasetId = dataset.Id, JobId = job.Id, Event = e }));
        job = await Jobs.WaitForCompletionAsync(job.Id, events, cancellationToken).ConfigureAwait(false);
        var model = job.Status == JobStatuses.Succeeded && job.ModelId is { } id ? await Models.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return new TrainingResult { Dataset = dataset, Job = job, Model = model };
    }

    /// <summary>Disposes the HTTP client this instance created, if it created one.</summary>
    public void Dispose() => owned?.Dispose();

    private static (DatasetsClient, JobsClient, ModelsClient, RegisteredModelsClient, EndpointsClient, WorkflowsClient, CreditsClient, ApiKeysClient, AccountClient, OperationsClient,
        AdminClient) Areas(ApiConnection api)
    {
        var jobs = new JobsClient(api);
        return (new DatasetsClient(api), jobs, new ModelsClient(api, jobs), new RegisteredModelsClient(api), new EndpointsClient(api), new WorkflowsClient(api),
            new CreditsClient(api), new ApiKeysClient(api), new AccountClient(api), new OperationsClient(api), new AdminClient(api));
    }
}
