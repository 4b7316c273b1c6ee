using System.CommandLine;
using System.Globalization;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

internal static class TrainCommand
{
    private const string Latest = "latest";

    /// <summary>The version number asked for; for latest, the newest ready version (a CI pipeline that just uploaded one trains on it).</summary>
    private static async Task<int?> VersionAsync(AutoMlClient client, Guid dataset, string? asked, CancellationToken ct)
    {
        if (asked != Latest)
        {
            return asked is null ? null : int.Parse(asked, CultureInfo.InvariantCulture);
        }
        string? cursor = null;
        do
        {
            var page = await client.Datasets.ListVersionsAsync(dataset, 200, cursor, ct);
            if (page.Items.FirstOrDefault(v => v.Status == "ready") is { } ready)
            {
                return ready.Version;
            }
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return null;
    }

    public static Command Create()
    {
        var dataset = new Option<Guid>("--dataset") { Description = "The data set's id (from `automl datasets upload`).", Required = true };
        var datasetVersion = new Option<string?>("--dataset-version")
        {
            Description = "Train on this version of the data set (see `automl datasets versions`), or on its newest ready version with `latest`; default: the id --dataset names.",
            HelpName = "N|latest",
        };
        datasetVersion.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && text != Latest && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1))
            {
                result.AddError($"--dataset-version is a version number (1 or more) or latest; got '{text}'.");
            }
        });
        var target = new Option<string>("--target") { Description = "The column to predict.", Required = true };
        var budget = new Option<int>("--budget") { Description = "Training budget in seconds (10 to 21,600; the tier may allow less).", DefaultValueFactory = _ => 60 };
        var metric = new Option<string?>("--metric") { Description = "The metric to optimise: auc, logloss, accuracy, f1, precision, recall, macrof1, rmse, mae, r2. Default: the task's." };
        var task = new Option<string?>("--task") { Description = "binary, multiclass or regression. Default: inferred from the target." };
        var exclude = new Option<string[]>("--exclude") { Description = "A column to leave out; repeat for more.", AllowMultipleArgumentsPerToken = true };
        var keep = new Option<string[]>("--keep-column")
        {
            Description = "A column the data checks would leave out (a suspected leak, see `automl datasets checks`) to train on anyway; repeat for more.",
            AllowMultipleArgumentsPerToken = true,
        };
        var force = new Option<bool>("--force") { Description = "Train anyway when the data only draws a warning (exit 8 with overridable: true), e.g. a target that looks like an identifier." };
        var register = new Option<string?>("--register") { Description = "A registered model's name: the trained model becomes its next version (no alias moves)." };
        var wait = new Option<bool>("--wait")
        {
            Description = "Follow the training until it ends; exit 6 when the job failed or was cancelled. Ctrl+C asks whether to cancel the job (y cancels it), then exits 130.",
        };
        var cancelOnInterrupt = new Option<bool>("--cancel-on-interrupt")
        {
            Description = "With --wait: Ctrl+C (or SIGTERM) cancels the job without asking, for scripts and CI where no one answers.",
        };
        var failUnder = new Option<string?>("--fail-under") { Description = FailUnder.Help, HelpName = "METRIC=THRESHOLD" };
        failUnder.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !FailUnder.TryParse(text, out _))
            {
                result.AddError($"--fail-under takes METRIC=THRESHOLD, e.g. auc=0.85; got '{text}'.");
            }
        });
        var command = new Command("train", "Train a model on a data set within a time budget; with --fail-under, gate a CI pipeline on its score (exit 7).")
        {
            dataset, datasetVersion, target, budget, metric, task, exclude, keep, force, register, wait, cancelOnInterrupt, failUnder,
        };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var gate = parse.GetValue(failUnder) is { } text && FailUnder.TryParse(text, out var parsed) ? parsed : null;
            var job = await client.Jobs.SubmitAsync(new JobRequest
            {
                DatasetId = parse.GetValue(dataset),
                DatasetVersion = await VersionAsync(client, parse.GetValue(dataset), parse.GetValue(datasetVersion), ct),
                Target = parse.GetValue(target)!,
                BudgetSeconds = parse.GetValue(budget),
                Metric = parse.GetValue(metric),
                Task = parse.GetValue(task),
                ExcludedColumns = parse.GetValue(exclude) is { Length: > 0 } columns ? columns : null,
                KeepColumns = parse.GetValue(keep) is { Length: > 0 } kept ? kept : null,
                Force = parse.GetValue(force),
                RegisteredModel = parse.GetValue(register),
            }, ct);
            if (!parse.GetValue(wait) && gate is null)
            {
                return Print(output, job, null, gate, null);
            }
            if (!output.ShowsProgress)
            {
                // On stderr, so --json keeps one document on stdout; it tells a log (or a supervising program) the wait has begun.
                Console.Error.WriteLine($"waiting for job {job.Id} ({job.Status}); Ctrl+C asks whether to cancel it");
            }
            try
            {
                job = output.ShowsProgress ? await FollowAsync(client, job, ct) : await client.Jobs.WaitForCompletionAsync(job.Id, null, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return await TrainInterrupt.HandleAsync(client, output, job, parse.GetValue(cancelOnInterrupt));
            }
            if (job.Status != JobStatuses.Succeeded || job.ModelId is not { } modelId)
            {
                return output.Fail(ExitCodes.JobFailed, $"The job {job.Status}", job.Error, job);
            }
            var model = await client.Models.GetAsync(modelId, ct);
            if (gate is null)
            {
                return Print(output, job, model, null, null);
            }
            var score = gate.ScoreOf(model);
            if (score is null)
            {
                return output.Fail(ExitCodes.Usage, "Unknown metric", $"The model has no '{gate.Metric}' metric; it was scored by {model.Metric}.", new { job, model });
            }
            var passed = gate.Passes(score.Value);
            Print(output, job, model, gate, (score.Value, passed));
            return passed ? ExitCodes.Ok : ExitCodes.BelowThreshold;
        }));
        return command;
    }

    /// <summary>A progress bar driven by the job's live events: progress, trials and best score.</summary>
    private static Task<Job> FollowAsync(AutoMlClient client, Job job, CancellationToken ct) =>
        AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var bar = progress.AddTask($"job {job.Id:N} queued", maxValue: 1);
                await foreach (var e in client.Jobs.WatchAsync(job.Id, 0, ct))
                {
                    if (e.Type == JobEventTypes.Progress)
                    {
                        bar.Value = e.Data.TryGetProperty("progress", out var p) ? p.GetDouble() : bar.Value;
                        var best = e.Data.TryGetProperty("bestScore", out var s) && s.ValueKind == System.Text.Json.JsonValueKind.Number
                            ? s.GetDouble().ToString("0.####", CultureInfo.InvariantCulture) : "–";
                        var trials = e.Data.TryGetProperty("trials", out var t) ? t.ToString() : "0";
                        bar.Description = $"training: {trials} trials, best {best}";
                    }
                    else if (e.Type == JobEventTypes.Started)
                    {
                        bar.Description = "training";
                    }
                }
                bar.Value = bar.MaxValue;
                return await client.Jobs.GetAsync(job.Id, ct);
            });

    private static int Print(Output output, Job job, Model? model, FailUnder? gate, (double Score, bool Passed)? verdict)
    {
        if (output.IsJson)
        {
            Output.Document(new
            {
                job,
                model,
                gate = gate is null || verdict is null
                    ? null
                    : new { metric = gate.Metric, threshold = gate.Threshold, higherIsBetter = gate.HigherIsBetter, score = verdict.Value.Score, passed = verdict.Value.Passed },
            });
            return ExitCodes.Ok;
        }
        if (model is null)
        {
            output.Line($"job [green]{job.Id}[/] {job.Status} on the {job.Queue} queue, {job.HeldCredits} credits held");
            LeftOut(output, job);
            return ExitCodes.Ok;
        }
        LeftOut(output, job);
        output.Line($"model [green]{model.Id}[/]: {model.Metric} {model.Score.ToString("0.####", CultureInfo.InvariantCulture)} after {job.Trials} trials, {job.ChargedCredits} credits");
        if (job.RegisteredVersion is { } version)
        {
            output.Line(Markup.Escape($"registered as {job.RegisteredModel} version {version}"));
        }
        else if (job.RegistrationProblem is { } problem)
        {
            output.Line($"[yellow]not registered[/]: {Markup.Escape(problem)}");
        }
        if (gate is not null && verdict is { } v)
        {
            var rule = gate.HigherIsBetter ? $">= {gate.Threshold.ToString(CultureInfo.InvariantCulture)}" : $"<= {gate.Threshold.ToString(CultureInfo.InvariantCulture)}";
            output.Line(v.Passed
                ? $"[green]passed[/]: {gate.Metric} {v.Score.ToString("0.####", CultureInfo.InvariantCulture)} {rule}"
                : $"[red]failed[/]: {gate.Metric} {v.Score.ToString("0.####", CultureInfo.InvariantCulture)} is not {rule}");
        }
        return ExitCodes.Ok;
    }

    private static void LeftOut(Output output, Job job)
    {
        if (job.ExcludedByChecks.Count > 0)
        {
            output.Line(Markup.Escape($"left out by the data checks: {string.Join(", ", job.ExcludedByChecks)} (see `automl datasets checks {job.DatasetId} --target {job.Target}`; --keep-column puts a leak back)"));
        }
    }
}
