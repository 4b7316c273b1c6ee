using System.Text.Json;
using System.Text.RegularExpressions;
using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

/// <summary>`automl workflows`, run as a separate process against the platform on a loopback port.</summary>
[Collection(CliPlatformCollection.Name)]
public sealed partial class WorkflowCliTests(KestrelPlatformFactory platform) : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Training = TimeSpan.FromMinutes(3);

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("automl-cli-");

    [Fact]
    public async Task cli_creates_a_workflow_from_a_job_runs_it_until_it_promotes_and_lists_the_run()
    {
        var env = await NewUserEnvironmentAsync();
        var upload = await MustAsync($"datasets upload \"{Data.File("pima_diabetes.csv")}\" --wait --json", env, Quick);
        var datasetId = JsonDocument.Parse(upload.Stdout).RootElement.GetProperty("id").GetGuid();
        var train = await MustAsync($"train --dataset {datasetId} --target diabetes --budget 10 --wait --json", env, Training);
        var jobId = JsonDocument.Parse(train.Stdout).RootElement.GetProperty("job").GetProperty("id").GetGuid();

        var create = await MustAsync(
            $"workflows create --from-job {jobId} --name diabetes-weekly --registered-model diabetes --policy automatic --guardrail logloss=0.05 --run-cap 10 --cron \"0 6 * * 1\" --time-zone Europe/Paris",
            env, Quick);
        var created = CreatedLine().Match(create.Stdout);
        Assert.True(created.Success, AutomlProcess.Describe(create));
        var workflowId = Guid.Parse(created.Groups["id"].Value);
        Assert.Matches(@"trains diabetes \(.+\) on pima_diabetes\.csv, newest version 1; 10 s per run", create.Stdout);
        Assert.Contains("candidates become versions of diabetes; policy automatic", create.Stdout, StringComparison.Ordinal);
        Assert.Contains("guardrails: logloss may drop 0.05", create.Stdout, StringComparison.Ordinal);
        Assert.Contains("runs on: run now; cron \"0 6 * * 1\" Europe/Paris, next ", create.Stdout, StringComparison.Ordinal);
        var list = await MustAsync("workflows list", env, Quick);
        Assert.Equal(["diabetes-weekly", "diabetes"], AutomlProcess.Cells(list, workflowId.ToString()).Where((_, i) => i is 1 or 4));

        var run = await MustAsync($"workflows run {workflowId} --wait", env, Training);

        var runId = Guid.Parse(StartedLine().Match(run.Stdout) is { Success: true } started ? started.Groups["id"].Value : throw new Xunit.Sdk.XunitException(AutomlProcess.Describe(run)));
        Assert.Contains("decision: promoted", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("candidate: v1, auc ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("champion: none (no version held production)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("v1 now holds production", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("reasons:\n  - ", run.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var runs = await MustAsync($"workflows runs {workflowId}", env, Quick);
        var row = AutomlProcess.Cells(runs, runId.ToString());
        Assert.Equal(("manual", "v1", "promoted", "auc"), (row[2], row[3], row[4], row[5]));
        Assert.StartsWith("v1 ", row[6], StringComparison.Ordinal);
        Assert.Equal("–", row[7]);
        var shown = await MustAsync($"workflows show {workflowId}", env, Quick);
        Assert.Contains("last run: promoted", shown.Stdout, StringComparison.Ordinal);

        var approve = await AutomlAsync($"workflows approve {workflowId} {runId}", env, Quick);
        Assert.True(approve.ExitCode == 1, AutomlProcess.Describe(approve)); // only a run awaiting approval can be approved
        Assert.StartsWith("automl: ", approve.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task cli_workflows_run_exits_9_with_the_reason_when_the_run_cap_skips_the_run()
    {
        var env = await NewUserEnvironmentAsync();
        var upload = await MustAsync($"datasets upload \"{Data.File("pima_diabetes.csv")}\" --wait --json", env, Quick);
        var datasetId = JsonDocument.Parse(upload.Stdout).RootElement.GetProperty("id").GetGuid();
        var create = await MustAsync($"workflows create --dataset {datasetId} --target diabetes --budget 10 --name diabetes-capped --registered-model diabetes --run-cap 1 --monthly-cap 1 --json", env, Quick);
        var workflowId = JsonDocument.Parse(create.Stdout).RootElement.GetProperty("id").GetGuid();
        using (var sdk = new AutoMlClient(new AutoMlClientOptions { BaseAddress = platform.Address, ApiKey = env["AUTOML_API_KEY"] }))
        {
            await sdk.Workflows.UpdateAsync(workflowId, new WorkflowUpdate { BudgetSeconds = 300 }); // the CLI has no update: a budget the cap cannot hold
        }

        var run = await AutomlAsync($"workflows run {workflowId} --wait", env, Quick);

        Assert.True(run.ExitCode == 9, AutomlProcess.Describe(run));
        Assert.Contains("skipped", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("over the workflow's cap of 1 per run", run.Stdout, StringComparison.Ordinal);
        var runs = await MustAsync($"workflows runs {workflowId} --json", env, Quick);
        var skipped = JsonDocument.Parse(runs.Stdout).RootElement.EnumerateArray().Single();
        Assert.Equal(("skipped", 0L), (skipped.GetProperty("status").GetString(), skipped.GetProperty("creditsUsed").GetInt64()));
    }

    [Fact]
    public async Task cli_workflows_create_refuses_a_job_and_a_dataset_together_before_calling_the_api()
    {
        var env = await NewUserEnvironmentAsync();

        var both = await AutomlAsync($"workflows create --from-job {Guid.NewGuid()} --dataset {Guid.NewGuid()} --name w --registered-model m", env, Quick);
        var zoneOnly = await AutomlAsync($"workflows create --dataset {Guid.NewGuid()} --target y --name w --registered-model m --time-zone Europe/Paris", env, Quick);
        var badGuardrail = await AutomlAsync($"workflows create --dataset {Guid.NewGuid()} --target y --name w --registered-model m --guardrail recall", env, Quick);

        Assert.True(both.ExitCode == 2, AutomlProcess.Describe(both));
        Assert.Contains("Give --from-job JOB, or --dataset ID with --target COLUMN.", both.Stderr, StringComparison.Ordinal);
        Assert.True(zoneOnly.ExitCode == 2, AutomlProcess.Describe(zoneOnly));
        Assert.Contains("--time-zone is the schedule's: give --cron too.", zoneOnly.Stderr, StringComparison.Ordinal);
        Assert.True(badGuardrail.ExitCode == 2, AutomlProcess.Describe(badGuardrail));
        Assert.Contains("--guardrail takes METRIC=TOLERANCE", badGuardrail.Stderr, StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, string>> NewUserEnvironmentAsync() => new()
    {
        ["AUTOML_URL"] = platform.Address.ToString(),
        ["AUTOML_API_KEY"] = await platform.NewApiKeyAsync(),
        ["AUTOML_CONFIG_DIR"] = Path.Combine(work.FullName, "config"),
    };

    private Task<Shell.Result> AutomlAsync(string arguments, IDictionary<string, string> env, TimeSpan timeout) =>
        AutomlProcess.RunAsync(arguments, env, work.FullName, timeout);

    private async Task<Shell.Result> MustAsync(string arguments, IDictionary<string, string> env, TimeSpan timeout)
    {
        var result = await AutomlAsync(arguments, env, timeout);
        Assert.True(result.ExitCode == 0, $"automl {arguments}\n{AutomlProcess.Describe(result)}");
        return result;
    }

    [GeneratedRegex(@"^workflow (?<id>[0-9a-f-]{36}) diabetes-weekly created$", RegexOptions.Multiline)]
    private static partial Regex CreatedLine();

    [GeneratedRegex(@"^run (?<id>[0-9a-f-]{36}) training \(manual; data set version 1; job ", RegexOptions.Multiline)]
    private static partial Regex StartedLine();

    public void Dispose() => work.Delete(recursive: true);
}
