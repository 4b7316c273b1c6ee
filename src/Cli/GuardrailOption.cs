using System.Globalization;
using AutoMl.Sdk;

namespace AutoMl.Cli;

/// <summary>"--guardrail logloss=0.02": a metric a workflow's candidate may not get worse on by more than the tolerance.</summary>
internal static class GuardrailOption
{
    public const string Help =
        "A metric the candidate may not get worse on by more than TOLERANCE (in the metric's units), written METRIC=TOLERANCE " +
        "(e.g. recall=0.02, rmse=0.5); repeat for more.";

    public static bool TryParse(string text, out WorkflowGuardrail? guardrail)
    {
        guardrail = null;
        var parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var tolerance) || tolerance < 0)
        {
            return false;
        }
        guardrail = new WorkflowGuardrail { Metric = parts[0].ToLowerInvariant(), Tolerance = tolerance };
        return true;
    }

    /// <summary>A value the option's validator passed.</summary>
    public static WorkflowGuardrail Parse(string text) =>
        TryParse(text, out var guardrail) ? guardrail! : throw new FormatException($"'{text}' is not METRIC=TOLERANCE.");

    public static string Describe(IReadOnlyList<WorkflowGuardrail> guardrails) =>
        guardrails.Count == 0 ? "none" : string.Join(", ", guardrails.Select(g => $"{g.Metric} may drop {g.Tolerance.ToString("0.####", CultureInfo.InvariantCulture)}"));
}
