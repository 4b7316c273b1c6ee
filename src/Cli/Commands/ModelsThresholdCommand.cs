using System.CommandLine;
using System.Globalization;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl models threshold ID`: a binary model's decision threshold, shown, set by value or objective, or cleared.</summary>
internal static class ModelsThresholdCommand
{
    public static Command Create()
    {
        var id = new Argument<Guid>("ID") { Description = "The binary model's id." };
        var value = new Option<double?>("--value") { Description = "Set this threshold: a positive-class probability above 0 and below 1." };
        var maxF1 = new Option<bool>("--max-f1") { Description = "Choose the threshold with the best validation F1." };
        var precision = new Option<double?>("--precision") { Description = "Choose the threshold that reaches this validation precision and keeps the most recall." };
        var recall = new Option<double?>("--recall") { Description = "Choose the threshold that reaches this validation recall with the best precision." };
        var costFp = new Option<double?>("--cost-fp") { Description = "With --cost-fn: what a false positive costs; the threshold chosen costs the least." };
        var costFn = new Option<double?>("--cost-fn") { Description = "With --cost-fp: what a false negative (a missed positive) costs." };
        var clear = new Option<bool>("--clear") { Description = "Put the threshold back to the default 0.5." };
        var command = new Command("threshold",
            "Show a binary model's decision threshold, or set it (--value, --max-f1, --precision, --recall, --cost-fp with --cost-fn) or --clear it. " +
            "Every prediction labels with it; probabilities do not change.")
        { id, value, maxF1, precision, recall, costFp, costFn, clear };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var (v, p, r, fp, fn) = (parse.GetValue(value), parse.GetValue(precision), parse.GetValue(recall), parse.GetValue(costFp), parse.GetValue(costFn));
            var asked = new[] { v is not null, parse.GetValue(maxF1), p is not null, r is not null, fp is not null || fn is not null, parse.GetValue(clear) }.Count(a => a);
            if (asked > 1)
            {
                return output.Fail(ExitCodes.Usage, "One choice at a time", "Use one of --value, --max-f1, --precision, --recall, --cost-fp/--cost-fn or --clear.");
            }
            if ((fp is null) != (fn is null))
            {
                return output.Fail(ExitCodes.Usage, "Both costs", "The cost objective needs both --cost-fp and --cost-fn.");
            }
            var model = parse.GetValue(id);
            ThresholdChoice? choice = v is { } x ? ThresholdChoice.Value(x)
                : parse.GetValue(maxF1) ? ThresholdChoice.MaxF1()
                : p is { } pt ? ThresholdChoice.PrecisionAtLeast(pt)
                : r is { } rt ? ThresholdChoice.RecallAtLeast(rt)
                : fp is { } cfp ? ThresholdChoice.LeastCost(cfp, fn!.Value)
                : null;
            var answer = parse.GetValue(clear) ? await client.Models.ClearThresholdAsync(model, ct)
                : choice is not null ? await client.Models.SetThresholdAsync(model, choice, ct)
                : await client.Models.GetAsync(model, ct);
            if (answer.Threshold is not { } threshold)
            {
                return output.Fail(ExitCodes.Error, "Not a binary model", $"This model is a {answer.Task} model: a decision threshold applies to binary classifiers only.");
            }
            if (output.IsJson)
            {
                Output.Document(threshold);
                return ExitCodes.Ok;
            }
            output.Line(Markup.Escape($"Threshold {Number(threshold.Value)} ({Describe(threshold)}): rows whose probability of the positive class reaches it are labelled positive."));
            if (threshold.Precision is null || threshold.Counts is not { } counts)
            {
                output.Line("This model was trained before validation counts per threshold were stored: no rates to show.");
                return ExitCodes.Ok;
            }
            var rates = new Table().Title("On the validation rows").AddColumns("precision", "recall", "F1", "accuracy", "true pos", "false pos", "true neg", "false neg");
            rates.AddRow(Number(threshold.Precision), Number(threshold.Recall), Number(threshold.F1), Number(threshold.Accuracy),
                Count(counts.TruePositives), Count(counts.FalsePositives), Count(counts.TrueNegatives), Count(counts.FalseNegatives));
            Output.Table(rates);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Describe(ModelThreshold t) => t.Objective switch
    {
        "default" => "the default",
        "value" => "set by hand",
        "max-f1" => "the best F1",
        "precision" => $"precision at least {Number(t.Target)}",
        "recall" => $"recall at least {Number(t.Target)}",
        "cost" => $"least cost: a false positive {Number(t.Costs?.FalsePositive)}, a false negative {Number(t.Costs?.FalseNegative)}",
        _ => t.Objective,
    };

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "-";

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
