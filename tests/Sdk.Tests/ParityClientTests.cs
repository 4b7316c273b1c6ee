using System.Net;
using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

/// <summary>
/// The SDK calls that match the REST API one for one: the pager, the typed errors, per-call options, explanations,
/// batch predictions, typed model reads and the one-call TrainAsync. On the Kestrel platform, whose accounts start with
/// enough credits to train and predict several times.
/// </summary>
[Collection(CliPlatformCollection.Name)]
public sealed class ParityClientTests(KestrelPlatformFactory platform) : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("automl-parity-");

    [Fact]
    public async Task list_all_walks_every_page_of_a_list()
    {
        using var client = await NewClientAsync();
        var uploaded = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            uploaded.Add((await client.Datasets.UploadFileAsync(Data.File("penguins.csv"))).Id);
        }

        var first = await client.Datasets.ListAsync();
        var all = new List<Dataset>();
        await foreach (var dataset in client.Datasets.ListAllAsync(pageSize: 2))
        {
            all.Add(dataset);
        }

        Assert.Equal(uploaded.AsEnumerable().Reverse(), all.Select(d => d.Id)); // newest first, none twice, none left out
        Assert.Equal(3, first.Items.Count);
        var versions = new List<DatasetVersion>();
        await foreach (var version in client.Datasets.ListAllVersionsAsync(uploaded[0], pageSize: 1))
        {
            versions.Add(version);
        }
        Assert.Equal([1], versions.Select(v => v.Version));
    }

    [Fact]
    public async Task a_missing_thing_is_AutoMlNotFoundException_and_an_unknown_target_is_AutoMlValidationException_naming_the_field()
    {
        using var client = await NewClientAsync();

        var missing = await Assert.ThrowsAsync<AutoMlNotFoundException>(() => client.Models.GetAsync(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("No model with this id", missing.Detail, StringComparison.Ordinal);
        await Assert.ThrowsAsync<AutoMlNotFoundException>(() => client.Jobs.GetAsync(Guid.NewGuid()));

        var dataset = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadFileAsync(Data.File("pima_diabetes.csv"))).Id);
        var invalid = await Assert.ThrowsAsync<AutoMlValidationException>(() =>
            client.Jobs.SubmitAsync(new JobRequest { DatasetId = dataset.Id, Target = "no_such_column", BudgetSeconds = 10 }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal("target-not-found", invalid.Code);
        Assert.Contains("no column 'no_such_column'", Assert.Single(invalid.FieldErrors["target"]), StringComparison.Ordinal);
        Assert.IsAssignableFrom<AutoMlApiException>(invalid);
    }

    [Fact]
    public async Task the_same_idempotency_key_answers_with_the_first_job_and_holds_its_credits_once()
    {
        using var client = await NewClientAsync();
        var dataset = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadFileAsync(Data.File("pima_diabetes.csv"))).Id);
        var before = await client.Credits.GetBalanceAsync();
        var request = new JobRequest { DatasetId = dataset.Id, Target = "diabetes", BudgetSeconds = 60 };
        var key = new RequestOptions { IdempotencyKey = $"nightly-{Guid.NewGuid():N}" };

        var first = await client.Jobs.SubmitAsync(request, key);
        var replay = await client.Jobs.SubmitAsync(request, key);

        Assert.Equal(first.Id, replay.Id);
        var jobs = new List<Job>();
        await foreach (var job in client.Jobs.ListAllAsync())
        {
            jobs.Add(job);
        }
        Assert.Equal([first.Id], jobs.Select(j => j.Id));
        var held = await client.Credits.GetBalanceAsync();
        Assert.Equal(before.Available - first.HeldCredits, held.Available);

        var other = await client.Jobs.SubmitAsync(request, new RequestOptions { IdempotencyKey = $"other-{Guid.NewGuid():N}" });
        Assert.NotEqual(first.Id, other.Id);
        await client.Jobs.CancelAsync(first.Id);
        await client.Jobs.CancelAsync(other.Id);
    }

    [Fact]
    public async Task a_call_past_its_timeout_throws_TimeoutException_while_the_callers_own_cancellation_stays_a_cancellation()
    {
        var key = await platform.NewApiKeyAsync();
        // A slow network in front of the real platform: every request waits 5 s before it leaves.
        using var client = new AutoMlClient(new AutoMlClientOptions { BaseAddress = platform.Address, ApiKey = key }, new SlowNetwork(TimeSpan.FromSeconds(5)));
        var request = new JobRequest { DatasetId = Guid.NewGuid(), Target = "diabetes", BudgetSeconds = 10 };

        var started = DateTimeOffset.UtcNow;
        var timedOut = await Assert.ThrowsAsync<TimeoutException>(() => client.Jobs.SubmitAsync(request, new RequestOptions { Timeout = TimeSpan.FromMilliseconds(300) }));
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(4), "the timeout fired before the slow answer");
        Assert.Contains("RequestOptions.Timeout", timedOut.Message, StringComparison.Ordinal);

        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.Jobs.SubmitAsync(request, new RequestOptions { Timeout = TimeSpan.FromSeconds(30) }, caller.Token));
        Assert.IsNotType<TimeoutException>(cancelled.InnerException);
    }

    [Fact]
    public async Task a_model_reads_typed_explains_predictions_and_predicts_a_data_set_as_a_batch_job()
    {
        using var client = await NewClientAsync();
        var id = await TrainedPima.CopyAsync(platform, client);
        var second = await TrainedPima.CopyAsync(platform, client);

        var model = await client.Models.GetAsync(id);
        var metrics = model.ReadMetrics();
        Assert.Equal(model.Score, metrics[model.Metric], 9);
        Assert.Contains("accuracy", metrics.Keys);
        var importance = model.ReadFeatureImportance();
        Assert.Contains(importance, f => f.Feature == "glucose");
        Assert.Equal(1.0, importance.Sum(f => f.Share), 3);
        Assert.Equal(importance.OrderByDescending(f => f.Gain).Select(f => f.Feature), importance.Select(f => f.Feature));
        Assert.Equal(["neg", "pos"], model.ReadClasses().Order());
        Assert.NotEmpty(model.ReadCurves().Roc!);
        var listed = new List<ModelSummary>();
        await foreach (var summary in client.Models.ListAllAsync(new ModelListOptions { PageSize = 1 }))
        {
            listed.Add(summary);
        }
        // Pages of one: the two copies, newest first (and the trained original when this account was the one to train it).
        Assert.Equal([second, id], listed.Select(m => m.Id).Take(2));
        Assert.Equal(listed.Count, listed.DistinctBy(m => m.Id).Count());

        var rows = PimaRows.Features(20).Select(r => (IReadOnlyDictionary<string, object?>)r).ToList();
        var plain = await client.Models.PredictAsync(id, rows);
        var explained = await client.Models.PredictAsync(id, rows, explain: true);
        Assert.All(plain, p => Assert.Null(p.Contributions));
        Assert.Equal(plain.Select(p => p.Label), explained.Select(p => p.Label));
        Assert.All(explained, p =>
        {
            Assert.Contains("glucose", p.Contributions!.Keys);
            Assert.NotNull(p.ExpectedValue);
        });
        var tooMany = await Assert.ThrowsAsync<AutoMlValidationException>(() =>
            client.Models.PredictAsync(id, PimaRows.Features(101).Select(r => (IReadOnlyDictionary<string, object?>)r), explain: true));
        Assert.Contains("at most 100 rows", Assert.Single(tooMany.FieldErrors["explain"]), StringComparison.Ordinal);

        var file = Path.Combine(work.FullName, "score-me.csv");
        await File.WriteAllLinesAsync(file, PimaRows.Csv(20));
        var dataset = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadFileAsync(file)).Id);
        using var csv = new MemoryStream();
        var job = await client.Models.PredictDatasetAsync(id, dataset.Id, csv);

        Assert.Equal((JobStatuses.Succeeded, "predict", 1L), (job.Status, job.Kind, job.ChargedCredits));
        var lines = System.Text.Encoding.UTF8.GetString(csv.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("prediction,", lines[0], StringComparison.Ordinal);
        Assert.Equal(plain.Select(p => p.Label), lines.Skip(1).Select(l => l.Split(',')[0]));
        await Assert.ThrowsAsync<AutoMlNotFoundException>(() => client.Models.SubmitBatchPredictionAsync(id, Guid.NewGuid()));

        var before = await client.Credits.GetBalanceAsync();
        var key = new RequestOptions { IdempotencyKey = $"batch-{Guid.NewGuid():N}" };
        var once = await client.Models.SubmitBatchPredictionAsync(id, dataset.Id, key);
        var again = await client.Models.SubmitBatchPredictionAsync(id, dataset.Id, key);
        Assert.Equal(once.Id, again.Id);
        await client.Jobs.WaitForCompletionAsync(once.Id);
        Assert.Equal(before.Available - 1, (await client.Credits.GetBalanceAsync()).Available); // one job, one charge
    }

    [Fact]
    public async Task train_async_uploads_waits_for_the_data_trains_and_reports_each_stage()
    {
        using var client = await NewClientAsync();
        var reports = new List<TrainingProgress>();

        var result = await client.TrainAsync(Data.File("penguins.csv"), "species", 10, new SyncProgress<TrainingProgress>(reports.Add));

        Assert.Equal(DatasetStatuses.Ready, result.Dataset.Status);
        Assert.Equal(JobStatuses.Succeeded, result.Job.Status);
        Assert.Equal(result.Job.ModelId, result.Model!.Id);
        Assert.Equal("species", result.Model.Target);
        Assert.Equal([TrainingStages.Uploading, TrainingStages.Ingesting, TrainingStages.Training], reports.Select(r => r.Stage).Distinct());
        Assert.Equal(new FileInfo(Data.File("penguins.csv")).Length, reports.Last(r => r.Stage == TrainingStages.Uploading).BytesSent);
        var events = reports.Where(r => r.Stage == TrainingStages.Training).ToList();
        Assert.All(events, r => Assert.Equal(result.Job.Id, r.JobId));
        Assert.Equal(JobEventTypes.Succeeded, events[^1].Event!.Type);
        Assert.Contains(events, r => r.Event!.Type == JobEventTypes.TrialCompleted);

        var leaderboard = await client.Jobs.GetLeaderboardAsync(result.Job.Id);
        Assert.Equal(result.Job.Trials, leaderboard.Count);
        Assert.Equal(leaderboard.OrderBy(t => t.Score).Select(t => t.N), leaderboard.Select(t => t.N)); // logloss: lowest first
    }

    public void Dispose() => work.Delete(recursive: true);

    private async Task<AutoMlClient> NewClientAsync() =>
        new(new AutoMlClientOptions { BaseAddress = platform.Address, ApiKey = await platform.NewApiKeyAsync(), PollInterval = TimeSpan.FromMilliseconds(200) });

    private sealed class SlowNetwork(TimeSpan delay) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
