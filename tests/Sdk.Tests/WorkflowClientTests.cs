using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

[Collection(PlatformCollection.Name)]
public sealed class WorkflowClientTests(SdkPlatformFactory platform)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task a_workflow_made_from_a_job_pauses_resumes_promotes_its_first_candidate_and_keeps_production_when_the_next_gains_less_than_the_margin()
    {
        using var client = await platform.NewUserClientAsync();
        var dataset = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadFileAsync(Data.File("pima_diabetes.csv"))).Id);
        var job = await client.Jobs.WaitForCompletionAsync((await client.Jobs.SubmitAsync(new JobRequest { DatasetId = dataset.Id, Target = "diabetes", BudgetSeconds = 10 })).Id);
        Assert.Equal(JobStatuses.Succeeded, job.Status);

        var created = await client.Workflows.CreateAsync(new NewWorkflow
        {
            Name = "diabetes-weekly",
            JobId = job.Id,
            RegisteredModel = "diabetes",
            Policy = WorkflowPolicies.Automatic,
            Guardrails = [new WorkflowGuardrail { Metric = "logloss", Tolerance = 0.05 }],
            RunCreditCap = 5,
            MonthlyCreditCap = 5,
            Schedule = new WorkflowSchedule { Cron = "0 6 * * 1", TimeZone = "Europe/Paris" },
        });
        Assert.Equal(("diabetes-weekly", dataset.Id, "diabetes", 10), (created.Name, created.DatasetId, created.Target, created.BudgetSeconds));
        Assert.Equal((job.Metric, "diabetes", WorkflowPolicies.Automatic), (created.Metric, created.RegisteredModel, created.Policy));
        Assert.Equal(("pima_diabetes.csv", 1), (created.DatasetName, created.LatestDatasetVersion));
        Assert.Equal([("logloss", 0.05)], created.Guardrails.Select(g => (g.Metric, g.Tolerance)));
        Assert.Equal((5L, 5L, 0L), (created.RunCreditCap, created.MonthlyCreditCap, created.CreditsThisMonth));
        Assert.Equal(("0 6 * * 1", "Europe/Paris"), (created.Schedule?.Cron, created.Schedule?.TimeZone));
        Assert.True(created.NextRunAt > DateTimeOffset.UtcNow, $"the schedule fires next in the future, not at {created.NextRunAt}");
        Assert.False(created.Paused);
        Assert.Null(created.LastRun);

        Assert.Contains(created.Id, (await client.Workflows.ListAsync()).Items.Select(w => w.Id));
        Assert.Equal(created.Name, (await client.Workflows.GetAsync(created.Id)).Name);

        var paused = await client.Workflows.PauseAsync(created.Id);
        Assert.True(paused.Paused);
        Assert.Null(paused.NextRunAt);
        var whilePaused = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.Workflows.RunAsync(created.Id));
        Assert.Equal(HttpStatusCode.Conflict, whilePaused.StatusCode);
        var resumed = await client.Workflows.ResumeAsync(created.Id);
        Assert.False(resumed.Paused);
        Assert.NotNull(resumed.NextRunAt);

        var started = await client.Workflows.RunAsync(created.Id);
        Assert.True(started.Status == WorkflowRunStatuses.Training, $"the run is {started.Status}: {started.Reason}");
        Assert.Equal((created.Id, WorkflowRunTriggers.Manual, (int?)1), (started.WorkflowId, started.Trigger, started.DatasetVersion));
        Assert.NotNull(started.JobId);
        var again = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.Workflows.RunAsync(created.Id));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // the first run is still training

        var run = await client.Workflows.WaitForRunAsync(created.Id, started.Id, RunTimeout);

        Assert.True(run.Status == WorkflowRunStatuses.Promoted, $"the run is {run.Status}: {run.Reason}");
        Assert.Equal((1, (int?)null, true), (run.CandidateVersion, run.ChampionVersion, run.Better));
        Assert.NotNull(run.FinishedAt);
        Assert.True(run.CreditsUsed is > 0 and <= 5, $"the run used {run.CreditsUsed} credits, within its cap of 5");
        var report = run.Report!;
        Assert.True(report.Better);
        Assert.Null(report.Champion);
        Assert.Null(report.Gain);
        Assert.NotEmpty(report.Reasons);
        Assert.True(report.Holdout?.Rows > 0, "the report says which rows it held out");
        Assert.NotNull(report.Candidate);
        Assert.Equal(1, (await client.RegisteredModels.GetAsync("diabetes")).Aliases["production"]);

        var fetched = await client.Workflows.GetRunAsync(created.Id, run.Id);
        Assert.Equal((run.Id, WorkflowRunStatuses.Promoted, (int?)1), (fetched.Id, fetched.Status, fetched.CandidateVersion));
        Assert.Equal([run.Id], (await client.Workflows.ListRunsAsync(created.Id)).Items.Select(r => r.Id));
        Assert.Equal(run.Id, (await client.Workflows.GetAsync(created.Id)).LastRun?.Id);
        var notAwaiting = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.Workflows.ApproveAsync(created.Id, run.Id, "looks good"));
        Assert.Equal(HttpStatusCode.Conflict, notAwaiting.StatusCode);
        var notRejectable = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.Workflows.RejectAsync(created.Id, run.Id));
        Assert.Equal(HttpStatusCode.Conflict, notRejectable.StatusCode);

        // A new version brings rows version 1 never trained on; no candidate gains half an AUC on them, so production stays.
        using (var grown = new MemoryStream(Encoding.UTF8.GetBytes(GrownPima())))
        {
            await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadVersionAsync(dataset.Id, grown, "pima-v2.csv")).Id);
        }
        Assert.Equal(0.5, (await client.Workflows.UpdateAsync(created.Id, new WorkflowUpdate { Margin = 0.5 })).Margin);
        var second = await client.Workflows.WaitForRunAsync(created.Id, (await client.Workflows.RunAsync(created.Id)).Id, RunTimeout);

        Assert.True(second.Status == WorkflowRunStatuses.NotPromoted, $"the run is {second.Status}: {second.Reason}");
        Assert.Equal((2, (int?)1, false, (int?)2), (second.CandidateVersion, second.ChampionVersion, second.Better, second.DatasetVersion));
        var compared = second.Report!;
        Assert.Equal((1, 0.5), (compared.Champion?.Version, compared.Margin));
        Assert.Equal(second.ChampionScore, compared.Champion?.Score);
        Assert.True(compared.Gain is not null, $"the report has a gain: {JsonSerializer.Serialize(compared)}");
        Assert.True(compared.Gain.Lower <= compared.Gain.Value && compared.Gain.Value <= compared.Gain.Upper, "the gain lies in its interval");
        Assert.Equal("logloss", Assert.Single(compared.Guardrails).Metric);
        Assert.True(compared.Holdout?.ScoredRows >= 2, "the rows version 2 added are held out and scored");
        Assert.Contains(compared.Reasons, r => r.Contains("less than the margin of 0.5", StringComparison.Ordinal));
        Assert.Equal(1, (await client.RegisteredModels.GetAsync("diabetes")).Aliases["production"]);
        Assert.Equal([second.Id, run.Id], (await client.Workflows.ListRunsAsync(created.Id)).Items.Select(r => r.Id));
    }

    /// <summary>Pima's rows, then each again a year older: version 2 of the data set, with 768 rows its version 1 never had.</summary>
    private static string GrownPima()
    {
        var lines = File.ReadAllLines(Data.File("pima_diabetes.csv"));
        var older = lines.Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            cells[7] = (int.Parse(cells[7], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture); // age
            return string.Join(',', cells);
        });
        return string.Join('\n', lines.Concat(older)) + "\n";
    }

    [Fact]
    public async Task a_workflow_changes_its_policy_and_schedule_and_is_gone_after_delete()
    {
        using var client = platform.Client(await platform.CreateApiKeyAsync(await platform.SignUpAsync(), scope: ApiKeyScopes.Full)); // deleting needs it
        var dataset = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadFileAsync(Data.File("pima_diabetes.csv"))).Id);
        var created = await client.Workflows.CreateAsync(new NewWorkflow
        {
            Name = "diabetes-nightly",
            DatasetId = dataset.Id,
            Target = "diabetes",
            BudgetSeconds = 10,
            RegisteredModel = "diabetes",
            Schedule = new WorkflowSchedule { Cron = "0 2 * * *" },
        });
        Assert.Equal(("diabetes", 10, "0 2 * * *"), (created.Target, created.BudgetSeconds, created.Schedule?.Cron));

        var updated = await client.Workflows.UpdateAsync(created.Id, new WorkflowUpdate
        {
            Policy = WorkflowPolicies.Approval,
            Margin = 0.01,
            ClearSchedule = true,
            OnNewVersion = true,
            DebounceSeconds = 60,
        });
        Assert.Equal((WorkflowPolicies.Approval, 0.01, true, 60), (updated.Policy, updated.Margin, updated.OnNewVersion, updated.DebounceSeconds));
        Assert.Null(updated.Schedule);
        Assert.Null(updated.NextRunAt);
        Assert.Empty((await client.Workflows.ListRunsAsync(created.Id)).Items);

        await client.Workflows.DeleteAsync(created.Id);
        var gone = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.Workflows.GetAsync(created.Id));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var stranger = await platform.NewUserClientAsync();
        var hidden = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => stranger.Workflows.GetRunAsync(created.Id, Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }
}
