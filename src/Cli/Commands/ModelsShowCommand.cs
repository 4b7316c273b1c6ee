using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl models show ID`: what a model predicts, its metrics, its ensemble and its most important features.</summary>
internal static class ModelsShowCommand
{
    private const int TopFeatures = 10;

    public static Command Create()
    {
        var id = new Argument<Guid>("ID") { Description = "The model's id (from `automl models list` or `automl train`)." };
        var command = new Command("show", "Show a model: summary, validation metrics, ensemble members and top features.") { id };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var model = await client.Models.GetAsync(parse.GetValue(id), ct);
            if (output.IsJson)
            {
                Output.Document(model);
                return ExitCodes.Ok;
            }
            output.Line($"[bold]Model {model.Id}[/]");
            output.Line($"predicts [bold]{Markup.Escape(model.Target)}[/] ({model.Task}); {model.Metric} {Number(model.Score)}; trained {model.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}; bundle {ModelsListCommand.Size(model.BundleBytes)}");
            output.Line($"job {model.JobId}, data set {model.DatasetId}");
            if (model.Threshold is { } threshold)
            {
                output.Line($"decision threshold {Number(threshold.Value)} ({Markup.Escape(threshold.Objective)}); `automl models threshold {model.Id}` shows its rates");
            }

            if (model.Metrics.ValueKind == JsonValueKind.Object)
            {
                var metrics = new Table().Title("Validation metrics").AddColumns("metric", "value");
                foreach (var metric in model.Metrics.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
                {
                    metrics.AddRow(Markup.Escape(metric.Name), Number(metric.Value.GetDouble()));
                }
                Output.Table(metrics);
            }

            if (model.Ensemble.Count > 0)
            {
                var ensemble = new Table().Title("Ensemble").AddColumns("trial", "learner", "weight", $"validation {model.Metric}");
                foreach (var member in model.Ensemble)
                {
                    ensemble.AddRow(member.Trial.ToString(CultureInfo.InvariantCulture), member.Learner,
                        member.Weight.ToString("P1", CultureInfo.InvariantCulture), Number(member.ValidationScore));
                }
                Output.Table(ensemble);
            }

            var features = model.FeatureImportance.ValueKind == JsonValueKind.Array
                ? model.FeatureImportance.EnumerateArray()
                    .Where(f => f.TryGetProperty("feature", out var n) && n.ValueKind == JsonValueKind.String && f.TryGetProperty("gain", out var g) && g.ValueKind == JsonValueKind.Number)
                    .Select(f => (Name: f.GetProperty("feature").GetString()!, Gain: f.GetProperty("gain").GetDouble()))
                    .OrderByDescending(f => f.Gain).Take(TopFeatures).ToList()
                : [];
            if (features.Count > 0)
            {
                var table = new Table().Title("Top features (mean |SHAP|)").AddColumns("feature", "importance");
                foreach (var (name, gain) in features)
                {
                    table.AddRow(Markup.Escape(name), Number(gain));
                }
                Output.Table(table);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
