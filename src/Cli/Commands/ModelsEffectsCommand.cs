using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl models effects ID`: per top feature, the partial dependence curve and the spread of its SHAP values.</summary>
internal static class ModelsEffectsCommand
{
    public static Command Create()
    {
        var id = new Argument<Guid>("ID") { Description = "The model's id." };
        var command = new Command("effects", "Show how the model's top features move its output: partial dependence (average over sampled rows) and a SHAP summary.") { id };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var effects = await client.Models.GetEffectsAsync(parse.GetValue(id), ct);
            if (output.IsJson)
            {
                Output.Document(effects);
                return ExitCodes.Ok;
            }
            var shown = effects.OutputClass is null ? "the predicted value" : $"the probability of '{effects.OutputClass}'";
            output.Line(Markup.Escape($"Partial dependence: {shown} as each feature changes, averaged over sampled rows."));
            foreach (var curve in effects.PartialDependence)
            {
                var table = new Table().Title(Markup.Escape(curve.Feature)).AddColumns(curve.Feature, "average");
                for (var i = 0; i < curve.Grid.Count; i++)
                {
                    var at = curve.Levels is { } levels ? levels[i] : Number(curve.Grid[i]);
                    table.AddRow(Markup.Escape(at), Number(curve.Average[i]));
                }
                Output.Table(table);
            }
            if (effects.ShapSummary.Count > 0)
            {
                var summary = new Table().Title("SHAP summary").AddColumns("feature", "mean |SHAP|", "lowest", "highest", "rows");
                foreach (var feature in effects.ShapSummary.Where(s => s.Points.Count > 0))
                {
                    summary.AddRow(Markup.Escape(feature.Feature), Number(feature.Points.Average(p => Math.Abs(p.Shap))),
                        Number(feature.Points.Min(p => p.Shap)), Number(feature.Points.Max(p => p.Shap)), feature.Points.Count.ToString(CultureInfo.InvariantCulture));
                }
                Output.Table(summary);
            }
            if (effects.Note is { } note)
            {
                output.Line(Markup.Escape(note));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
