using System.CommandLine;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl workflows create`: from a finished job (--from-job) or a data set and target, with the policy, caps and triggers.</summary>
internal static class WorkflowsCreateCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "The workflow's name.", Required = true };
        var registered = new Option<string>("--registered-model") { Description = "The registered model its candidates become versions of; created when missing.", Required = true };
        var fromJob = new Option<Guid?>("--from-job") { Description = "A finished training job: copy its data set, target, task, metric, budget and excluded columns.", HelpName = "JOB" };
        var dataset = new Option<Guid?>("--dataset") { Description = "The data set to train on, instead of --from-job; every run takes its newest ready version.", HelpName = "ID" };
        var target = new Option<string?>("--target") { Description = "The column to predict (with --dataset)." };
        var budget = new Option<int?>("--budget") { Description = "Each run's training budget in seconds. Default: the job's, or the API's.", HelpName = "SECONDS" };
        var task = new Option<string?>("--task") { Description = "binary, multiclass or regression (with --dataset). Default: inferred from the target." };
        task.AcceptOnlyFromAmong("binary", "multiclass", "regression");
        var metric = new Option<string?>("--metric") { Description = "The primary metric (with --dataset): auc, logloss, accuracy, f1, precision, recall, macrof1, rmse, mae, r2. Default: the task's." };
        var exclude = new Option<string[]>("--exclude") { Description = "A column to leave out (with --dataset); repeat for more.", AllowMultipleArgumentsPerToken = true };
        var policy = new Option<string?>("--policy") { Description = "What a better candidate does: automatic (takes production at once), approval (waits for `workflows approve`) or never (only reported)." };
        policy.AcceptOnlyFromAmong(WorkflowPolicies.Automatic, WorkflowPolicies.Approval, WorkflowPolicies.Never);
        var margin = new Option<double?>("--margin") { Description = "The least gain of the primary metric that counts as better. Default: 0.005." };
        var guardrails = new Option<string[]>("--guardrail") { Description = GuardrailOption.Help, HelpName = "METRIC=TOLERANCE" };
        guardrails.Validators.Add(result =>
        {
            foreach (var text in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!GuardrailOption.TryParse(text, out _))
                {
                    result.AddError($"--guardrail takes METRIC=TOLERANCE with a tolerance of 0 or more, e.g. recall=0.02; got '{text}'.");
                }
            }
        });
        var runCap = new Option<long?>("--run-cap") { Description = "The most credits one run may hold; a dearer run is skipped. Default: twice a run's price today.", HelpName = "CREDITS" };
        var monthlyCap = new Option<long?>("--monthly-cap") { Description = "The most credits the workflow's runs may use in a calendar month (UTC). Default: ten times the run cap.", HelpName = "CREDITS" };
        var cron = new Option<string?>("--cron") { Description = "Run on a schedule: five cron fields, e.g. \"0 6 * * 1\" for Mondays at 06:00." };
        var timeZone = new Option<string?>("--time-zone") { Description = "The schedule's IANA time zone, e.g. Europe/Paris. Default: UTC." };
        var onNewVersion = new Option<bool>("--on-new-version") { Description = "Run when a new version of the data set is uploaded (`automl datasets upload --version-of`)." };
        var debounce = new Option<int?>("--debounce-seconds") { Description = "With --on-new-version: how long uploads must pause before a run starts.", HelpName = "SECONDS" };
        var timeColumn = new Option<string?>("--time-column") { Description = "Compare on the newest rows by this column; default: a stratified holdout of rows production never trained on." };
        var command = new Command("create", "Create a workflow from a finished job (--from-job) or a data set and target (--dataset, --target).")
        {
            name, registered, fromJob, dataset, target, budget, task, metric, exclude, policy, margin, guardrails, runCap, monthlyCap,
            cron, timeZone, onNewVersion, debounce, timeColumn,
        };
        command.Validators.Add(result =>
        {
            try
            {
                var copied = result.GetValue(fromJob) is not null;
                if (copied == (result.GetValue(dataset) is not null))
                {
                    result.AddError("Give --from-job JOB, or --dataset ID with --target COLUMN.");
                }
                else if (copied && (result.GetValue(target) is not null || result.GetValue(task) is not null || result.GetValue(metric) is not null || result.GetValue(exclude) is { Length: > 0 }))
                {
                    result.AddError("--from-job copies the job's target, task, metric and excluded columns: leave out --target, --task, --metric and --exclude.");
                }
                else if (!copied && result.GetValue(target) is null)
                {
                    result.AddError("--dataset needs --target COLUMN.");
                }
                if (result.GetValue(timeZone) is not null && result.GetValue(cron) is null)
                {
                    result.AddError("--time-zone is the schedule's: give --cron too.");
                }
                if (result.GetValue(debounce) is not null && !result.GetValue(onNewVersion))
                {
                    result.AddError("--debounce-seconds goes with --on-new-version.");
                }
            }
            catch (InvalidOperationException)
            {
                // A value that does not parse (an id that is no GUID): the parser reports it on its own.
            }
        });
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var created = await client.Workflows.CreateAsync(new NewWorkflow
            {
                Name = parse.GetValue(name)!,
                RegisteredModel = parse.GetValue(registered)!,
                JobId = parse.GetValue(fromJob),
                DatasetId = parse.GetValue(dataset),
                Target = parse.GetValue(target),
                BudgetSeconds = parse.GetValue(budget),
                Task = parse.GetValue(task),
                Metric = parse.GetValue(metric),
                ExcludedColumns = parse.GetValue(exclude) is { Length: > 0 } columns ? columns : null,
                Policy = parse.GetValue(policy),
                Margin = parse.GetValue(margin),
                Guardrails = parse.GetValue(guardrails) is { Length: > 0 } texts ? texts.Select(GuardrailOption.Parse).ToList() : null,
                RunCreditCap = parse.GetValue(runCap),
                MonthlyCreditCap = parse.GetValue(monthlyCap),
                Schedule = parse.GetValue(cron) is { } expression ? new WorkflowSchedule { Cron = expression, TimeZone = parse.GetValue(timeZone) } : null,
                OnNewVersion = parse.GetValue(onNewVersion),
                DebounceSeconds = parse.GetValue(debounce),
                TimeColumn = parse.GetValue(timeColumn),
            }, ct);
            if (output.IsJson)
            {
                Output.Document(created);
                return ExitCodes.Ok;
            }
            output.Line($"workflow [green]{created.Id}[/] {Markup.Escape(created.Name)} created");
            WorkflowText.Workflow(output, created);
            output.Line(Markup.Escape($"Run it now with `automl workflows run {created.Id} --wait`."));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
