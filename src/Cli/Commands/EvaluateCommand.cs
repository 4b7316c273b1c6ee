using System.CommandLine;
using System.Globalization;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl evaluate MODEL --dataset ID | --file data.csv`: the model scored on your labelled data, beside its validation.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Argument<Guid>("MODEL") { Description = "The model's id (from `automl models list` or `automl train`)." };
        var dataset = new Option<Guid?>("--dataset") { Description = "A ready, labelled data set of yours with the model's target and input columns." };
        var file = new Option<FileInfo?>("--file") { Description = "A labelled file to upload as a data set first (CSV, TSV, Parquet, JSON lines)." };
        var wait = new Option<bool>("--wait") { Description = "Wait for the evaluation and print its metrics beside validation; exit 6 when it failed." };
        var command = new Command("evaluate", "Evaluate a model on your own labelled data: a priced job (per 1,000 rows, as a batch prediction).")
        {
            model, dataset, file, wait,
        };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var (datasetId, path) = (parse.GetValue(dataset), parse.GetValue(file));
            if (datasetId is null == path is null)
            {
                return output.Fail(ExitCodes.Usage, "Say what to evaluate on", "Give either --dataset ID or --file PATH.");
            }
            if (path is { Exists: false })
            {
                return output.Fail(ExitCodes.Usage, "No such file", path.FullName);
            }
            var modelId = parse.GetValue(model);
            var evaluation = datasetId is { } id
                ? await client.Models.EvaluateAsync(modelId, id, null, ct)
                : await client.Models.EvaluateFileAsync(modelId, path!.FullName, null, ct);
            if (!parse.GetValue(wait))
            {
                if (output.IsJson)
                {
                    Output.Document(evaluation);
                }
                output.Line($"evaluation {evaluation.Id} {evaluation.Status}: holds {evaluation.HeldCredits} credits; `automl evaluate` with --wait follows it");
                return ExitCodes.Ok;
            }
            evaluation = await client.Models.WaitForEvaluationAsync(modelId, evaluation.Id, ct);
            if (output.IsJson)
            {
                Output.Document(evaluation);
            }
            else
            {
                Print(output, evaluation);
            }
            return evaluation.Status == JobStatuses.Succeeded ? ExitCodes.Ok
                : output.IsJson ? ExitCodes.JobFailed
                : output.Fail(ExitCodes.JobFailed, $"The evaluation {evaluation.Status}", evaluation.Error);
        }));
        return command;
    }

    private static void Print(Output output, Evaluation evaluation)
    {
        output.Line($"[bold]Evaluation {evaluation.Id}[/] {evaluation.Status}; data set {Markup.Escape(evaluation.DatasetName ?? evaluation.DatasetId.ToString())}; charged {evaluation.ChargedCredits} credits");
        if (evaluation.Rows is not { } rows)
        {
            return;
        }
        var skipped = evaluation.SkippedRows is > 0 ? $"; {evaluation.SkippedRows} rows skipped" : "";
        var unseen = evaluation.UnseenLabels is { Count: > 0 } labels ? $" (classes the model never saw: {Markup.Escape(string.Join(", ", labels))})" : "";
        var threshold = evaluation.Threshold is { } t ? $"; labels at threshold {Number(t)}" : "";
        output.Line($"{rows} rows scored{skipped}{unseen}{threshold}");
        var table = new Table().Title("Metrics").AddColumns("metric", "validation", "your data", "difference");
        foreach (var m in evaluation.Comparison ?? [])
        {
            table.AddRow(Markup.Escape(m.Metric), m.Validation is { } v ? Number(v) : "-", Number(m.Evaluation), m.Difference is { } d ? Signed(d) : "-");
        }
        Output.Table(table);
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value.ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture);
}
