using System.CommandLine;
using System.Globalization;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl jobs list|show|cancel|leaderboard`: the account's jobs (training and batch prediction), one job, stopping one, its trials.</summary>
internal static class JobsCommand
{
    public static Command Create() => new("jobs", "List your jobs, show one, cancel one, or read a training job's leaderboard.") { List(), Show(), Cancel(), Leaderboard() };

    private static Argument<Guid> Id() => new("ID") { Description = "The job's id (from `automl jobs list` or `automl train`)." };

    private static Command List()
    {
        var limit = new Option<int>("--limit") { Description = "At most this many jobs, newest first.", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--limit is 1 or more.");
            }
        });
        var command = new Command("list", "List your jobs, newest first: kind, status, target, score, credits, created.") { limit };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var jobs = new List<Job>();
            await foreach (var job in client.Jobs.ListAllAsync(Math.Min(Pages.Largest, parse.GetValue(limit)), ct))
            {
                jobs.Add(job);
                if (jobs.Count >= parse.GetValue(limit))
                {
                    break;
                }
            }
            if (output.IsJson)
            {
                Output.Document(jobs);
                return ExitCodes.Ok;
            }
            if (jobs.Count == 0)
            {
                output.Line("No jobs yet. Train a model with `automl train`.");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn(new TableColumn("id").NoWrap()).AddColumns("kind", "status", "target", "score", "credits", "created");
            foreach (var j in jobs)
            {
                table.AddRow(j.Id.ToString(), j.Kind, j.Status, Markup.Escape(j.Target ?? "–"), Score(j), Credits(j), j.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            }
            Output.Table(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show()
    {
        var id = Id();
        var command = new Command("show", "Show a job: its status, progress, best score, credits and model.") { id };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var job = await client.Jobs.GetAsync(parse.GetValue(id), ct);
            if (output.IsJson)
            {
                Output.Document(job);
                return ExitCodes.Ok;
            }
            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("id", job.Id.ToString());
            grid.AddRow("kind", job.Kind);
            grid.AddRow("status", job.Status);
            grid.AddRow("progress", job.Progress.ToString("P0", CultureInfo.InvariantCulture));
            grid.AddRow("data set", job.DatasetId.ToString());
            if (job.Target is not null)
            {
                grid.AddRow("target", Markup.Escape(job.Target));
                grid.AddRow("task", job.Task ?? "–");
                grid.AddRow("metric", job.Metric ?? "–");
                grid.AddRow("budget", $"{job.BudgetSeconds} s");
                grid.AddRow("trials", job.Trials.ToString(CultureInfo.InvariantCulture));
                grid.AddRow("best score", Score(job));
            }
            grid.AddRow("credits", Credits(job));
            grid.AddRow("created", job.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            if (job.ModelId is { } model)
            {
                grid.AddRow("model", model.ToString());
            }
            if (job.Error is { } error)
            {
                grid.AddRow("error", Markup.Escape(error));
            }
            AnsiConsole.Write(grid);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Cancel()
    {
        var id = Id();
        var command = new Command("cancel", "Cancel a job: at once when queued, within seconds when running; its held credits are released.") { id };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var job = await client.Jobs.CancelAsync(parse.GetValue(id), ct);
            if (output.IsJson)
            {
                Output.Document(job);
            }
            else
            {
                output.Line($"job [green]{job.Id}[/] {job.Status}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Leaderboard()
    {
        var id = Id();
        var command = new Command("leaderboard", "A training job's trials, best first in its metric: learner, score, seconds.") { id };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var trials = await client.Jobs.GetLeaderboardAsync(parse.GetValue(id), ct);
            if (output.IsJson)
            {
                Output.Document(trials);
                return ExitCodes.Ok;
            }
            if (trials.Count == 0)
            {
                output.Line("No trials yet.");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("rank", "trial", "learner", "score", "seconds");
            var rank = 0;
            foreach (var t in trials)
            {
                table.AddRow((++rank).ToString(CultureInfo.InvariantCulture), t.N.ToString(CultureInfo.InvariantCulture), t.Learner,
                    t.Score.ToString("0.####", CultureInfo.InvariantCulture), t.Seconds.ToString("0.#", CultureInfo.InvariantCulture));
            }
            Output.Table(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Score(Job job) => job.BestScore?.ToString("0.####", CultureInfo.InvariantCulture) ?? "–";

    private static string Credits(Job job) => job.IsFinished ? $"{job.ChargedCredits} charged" : $"{job.HeldCredits} held";
}
