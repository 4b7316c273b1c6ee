using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using AutoMl.Sdk.Tests.Support;
using AutoMl.Testing;

namespace AutoMl.Sdk.Tests;

/// <summary>`automl jobs list|show|cancel|leaderboard`, `automl datasets list|show`, `automl models compare`, `automl predict --batch`, and Ctrl+C while `automl train --wait` waits.</summary>
[Collection(CliPlatformCollection.Name)]
public sealed partial class JobsCliTests(KestrelPlatformFactory platform) : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Training = TimeSpan.FromSeconds(90);

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("automl-jobs-cli-");

    [Fact]
    public async Task cli_lists_shows_and_ranks_jobs_and_predicts_a_file_or_a_data_set_as_a_batch_job()
    {
        var (env, client) = await NewUserAsync();
        var dataset = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadFileAsync(Data.File("pima_diabetes.csv"))).Id);
        var datasets = JsonDocument.Parse((await MustAsync("datasets list --json", env, Quick)).Stdout).RootElement;
        Assert.Equal([dataset.Id], datasets.EnumerateArray().Select(d => d.GetProperty("id").GetGuid()));
        Assert.Equal([dataset.Name, "1", "ready", "768"], AutomlProcess.Cells(await MustAsync("datasets list", env, Quick), dataset.Id.ToString())[1..5]);
        var glucose = dataset.Columns!.Single(c => c.Name == "glucose");
        Assert.Equal(glucose.Type, AutomlProcess.Cells(await MustAsync($"datasets show {dataset.Id}", env, Quick), "glucose")[1]);

        var train = await MustAsync($"train --dataset {dataset.Id} --target diabetes --budget 10 --wait --json", env, Training);
        var trained = JsonDocument.Parse(train.Stdout).RootElement;
        var jobId = trained.GetProperty("job").GetProperty("id").GetGuid();
        var modelId = trained.GetProperty("model").GetProperty("id").GetGuid();

        var listed = JsonDocument.Parse((await MustAsync("jobs list --json", env, Quick)).Stdout).RootElement;
        var row = Assert.Single(listed.EnumerateArray());
        Assert.Equal((jobId, "succeeded", "train"), (row.GetProperty("id").GetGuid(), row.GetProperty("status").GetString(), row.GetProperty("kind").GetString()));
        var table = await MustAsync("jobs list", env, Quick);
        Assert.Equal(["train", "succeeded", "diabetes"], AutomlProcess.Cells(table, jobId.ToString())[1..4]);

        var shown = JsonDocument.Parse((await MustAsync($"jobs show {jobId} --json", env, Quick)).Stdout).RootElement;
        Assert.Equal(modelId, shown.GetProperty("modelId").GetGuid());
        Assert.Contains(modelId.ToString(), (await MustAsync($"jobs show {jobId}", env, Quick)).Stdout, StringComparison.Ordinal);

        var leaderboard = JsonDocument.Parse((await MustAsync($"jobs leaderboard {jobId} --json", env, Quick)).Stdout).RootElement.EnumerateArray()
            .Select(t => t.GetProperty("score").GetDouble()).ToList();
        Assert.NotEmpty(leaderboard);
        Assert.Equal(leaderboard.OrderDescending(), leaderboard); // auc: the highest leads
        Assert.Contains("learner", (await MustAsync($"jobs leaderboard {jobId}", env, Quick)).Stdout, StringComparison.Ordinal);

        var rows = Path.Combine(work.FullName, "rows.csv");
        await File.WriteAllLinesAsync(rows, PimaRows.Csv(30));
        var online = (await MustAsync($"predict --model {modelId} --input \"{rows}\"", env, Quick)).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var batchFile = Path.Combine(work.FullName, "batch.csv");
        var batch = JsonDocument.Parse((await MustAsync($"predict --model {modelId} --batch --input \"{rows}\" --output \"{batchFile}\" --json", env, Training)).Stdout).RootElement;
        Assert.Equal(30, batch.GetProperty("rows").GetInt64());
        Assert.Equal(("succeeded", "predict"), (batch.GetProperty("job").GetProperty("status").GetString(), batch.GetProperty("job").GetProperty("kind").GetString()));
        var written = File.ReadAllLines(batchFile);
        Assert.Equal(online.Select(l => l.Split(',')[0]), written.Select(l => l.Split(',')[0])); // header and labels alike

        var fromDataset = await MustAsync($"predict --model {modelId} --batch --dataset {batch.GetProperty("dataset").GetGuid()}", env, Training);
        Assert.Equal(written.Select(l => l.Split(',')[0]), fromDataset.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')[0]));

        var noBatch = await AutomlAsync($"predict --model {modelId} --dataset {dataset.Id}", env, Quick);
        Assert.True(noBatch.ExitCode == 2, AutomlProcess.Describe(noBatch));
        Assert.Contains("add --batch", noBatch.Stderr, StringComparison.Ordinal);
        var unknown = await AutomlAsync($"jobs show {Guid.NewGuid()}", env, Quick);
        Assert.True(unknown.ExitCode == 1, AutomlProcess.Describe(unknown));
    }

    [Fact]
    public async Task ctrl_c_while_train_waits_asks_and_cancels_the_job_on_yes_keeps_it_on_no_and_cancels_unasked_with_cancel_on_interrupt()
    {
        var (env, client) = await NewUserAsync();
        var dataset = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadFileAsync(Data.File("pima_diabetes.csv"))).Id);
        var train = $"train --dataset {dataset.Id} --target diabetes --budget 60 --wait --json";

        var yes = await InterruptAsync(train, env, "y");
        Assert.True(yes.ExitCode == 130, AutomlProcess.Describe(yes));
        Assert.Contains($"cancel the job {yes.JobId}? [y/N]", yes.Stderr, StringComparison.Ordinal);
        Assert.True(JsonDocument.Parse(yes.Stdout).RootElement.GetProperty("result").GetProperty("cancelled").GetBoolean());
        await CancelledAsync(client, yes.JobId);

        var no = await InterruptAsync(train, env, "n");
        Assert.True(no.ExitCode == 130, AutomlProcess.Describe(no));
        Assert.False(JsonDocument.Parse(no.Stdout).RootElement.GetProperty("result").GetProperty("cancelled").GetBoolean());
        Assert.Contains((await client.Jobs.GetAsync(no.JobId)).Status, new[] { JobStatuses.Queued, JobStatuses.Running });
        var cancel = await MustAsync($"jobs cancel {no.JobId}", env, Quick);
        Assert.Contains($"job {no.JobId}", cancel.Stdout, StringComparison.Ordinal);
        await CancelledAsync(client, no.JobId);

        var unasked = await InterruptAsync(train.Replace("--wait", "--wait --cancel-on-interrupt", StringComparison.Ordinal), env, answer: null);
        Assert.True(unasked.ExitCode == 130, AutomlProcess.Describe(unasked));
        Assert.DoesNotContain("[y/N]", unasked.Stderr, StringComparison.Ordinal);
        await CancelledAsync(client, unasked.JobId);
    }

    [Fact]
    public async Task cli_compares_models_side_by_side()
    {
        var (env, client) = await NewUserAsync();
        var first = await TrainedPima.CopyAsync(platform, client);
        var second = await TrainedPima.CopyAsync(platform, client);
        var auc = (await client.Models.GetAsync(first)).ReadMetrics()["auc"];

        var json = JsonDocument.Parse((await MustAsync($"models compare {first} {second} --json", env, Quick)).Stdout).RootElement;
        Assert.Equal([first, second], json.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("summary").GetProperty("id").GetGuid()));
        var table = await MustAsync($"models compare {first} {second}", env, Quick);
        var row = AutomlProcess.Cells(table, "auc ↑");
        Assert.All(row[1..], cell => Assert.StartsWith(auc.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), cell, StringComparison.Ordinal));

        var one = await AutomlAsync($"models compare {first}", env, Quick);
        Assert.True(one.ExitCode == 2, AutomlProcess.Describe(one));
    }

    public void Dispose() => work.Delete(recursive: true);

    /// <summary>Starts the command, waits until it says it is waiting for its job, sends SIGINT and answers the question (or closes stdin unanswered).</summary>
    private async Task<Interrupted> InterruptAsync(string arguments, IDictionary<string, string> env, string? answer)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{AutomlProcess.Assembly}\" {arguments}")
        {
            WorkingDirectory = work.FullName,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in env)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new System.Text.StringBuilder();
        var waiting = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Task.Run(async () =>
        {
            var buffer = new char[256];
            int read;
            while ((read = await process.StandardError.ReadAsync(buffer)) > 0)
            {
                lock (stderr)
                {
                    stderr.Append(buffer, 0, read);
                    if (WaitingLine().Match(stderr.ToString()) is { Success: true } m)
                    {
                        waiting.TrySetResult(Guid.Parse(m.Groups[1].Value));
                    }
                }
            }
        });
        using var deadline = new CancellationTokenSource(Training);
        try
        {
            var jobId = await waiting.Task.WaitAsync(deadline.Token);
            using (var kill = Process.Start("kill", $"-INT {process.Id}"))
            {
                await kill.WaitForExitAsync(deadline.Token);
            }
            if (answer is not null)
            {
                await process.StandardInput.WriteLineAsync(answer);
            }
            process.StandardInput.Close();
            await process.WaitForExitAsync(deadline.Token);
            await reader;
            return new Interrupted(jobId, process.ExitCode, await stdout, stderr.ToString());
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"automl {arguments} did not wait or did not end: {stderr}");
        }
    }

    private static Task<Job> CancelledAsync(AutoMlClient client, Guid jobId) =>
        Eventually.ReadAsync(() => client.Jobs.GetAsync(jobId), j => j.Status == JobStatuses.Cancelled, $"job {jobId} cancelled");

    private async Task<(Dictionary<string, string> Env, AutoMlClient Client)> NewUserAsync()
    {
        var key = await platform.NewApiKeyAsync();
        var env = new Dictionary<string, string>
        {
            ["AUTOML_URL"] = platform.Address.ToString(),
            ["AUTOML_API_KEY"] = key,
            ["AUTOML_CONFIG_DIR"] = Path.Combine(work.FullName, "config"),
        };
        return (env, new AutoMlClient(new AutoMlClientOptions { BaseAddress = platform.Address, ApiKey = key, PollInterval = TimeSpan.FromMilliseconds(200) }));
    }

    private Task<Shell.Result> AutomlAsync(string arguments, IDictionary<string, string> env, TimeSpan timeout) =>
        AutomlProcess.RunAsync(arguments, env, work.FullName, timeout);

    private async Task<Shell.Result> MustAsync(string arguments, IDictionary<string, string> env, TimeSpan timeout)
    {
        var result = await AutomlAsync(arguments, env, timeout);
        Assert.True(result.ExitCode == 0, $"automl {arguments}\n{AutomlProcess.Describe(result)}");
        return result;
    }

    [GeneratedRegex(@"waiting for job ([0-9a-f-]{36})")]
    private static partial Regex WaitingLine();

    private sealed record Interrupted(Guid JobId, int ExitCode, string Stdout, string Stderr)
    {
        public static implicit operator Shell.Result(Interrupted i) => new(i.ExitCode, i.Stdout, i.Stderr);
    }
}
