using System.Globalization;

namespace AutoMl.Domain.Workflows;

/// <summary>A guardrail: a metric that may not get worse by more than <see cref="Tolerance"/> for a candidate to be promoted.</summary>
public sealed record Guardrail(string Metric, double Tolerance);

/// <summary>The primary metric's comparison on the shared rows, oriented so that a positive gain is better.</summary>
/// <param name="Gain">Candidate minus champion (for losses, champion minus candidate).</param>
/// <param name="Lower">The paired bootstrap's 2.5% quantile of the gain.</param>
/// <param name="Upper">Its 97.5% quantile.</param>
public sealed record MetricGain(string Metric, double Candidate, double Champion, double Gain, double Lower, double Upper);

/// <summary>A guardrail metric on the shared rows; <see cref="Drop"/> is how much worse the candidate is (negative: better).</summary>
public sealed record GuardrailCheck(string Metric, double Candidate, double Champion, double Drop, double Tolerance)
{
    public bool Holds => Drop <= Tolerance;
}

/// <summary>Whether a candidate earns production, and the sentences that say why.</summary>
public sealed record PromotionVerdict(bool Better, IReadOnlyList<string> Reasons);

/// <summary>
/// The promotion rule of a workflow run: the schemas are compatible, the primary metric gains at least the margin, the
/// paired bootstrap's 95% lower bound of the gain is above zero, and no guardrail drops past its tolerance.
/// </summary>
public static class PromotionRule
{
    public const double DefaultMargin = 0.005;

    public static PromotionVerdict Judge(IReadOnlyList<string> schemaProblems, MetricGain? primary, IReadOnlyList<GuardrailCheck> guardrails, double margin)
    {
        List<string> reasons = [.. schemaProblems];
        if (primary is null)
        {
            return schemaProblems.Count == 0
                ? new PromotionVerdict(true, ["No model holds production yet, so the candidate is the first to."])
                : new PromotionVerdict(false, reasons);
        }
        var better = schemaProblems.Count == 0;
        if (primary.Gain < margin)
        {
            better = false;
            reasons.Add($"{primary.Metric} gains {F(primary.Gain)} ({F(primary.Champion)} → {F(primary.Candidate)}), less than the margin of {F(margin)}.");
        }
        else
        {
            reasons.Add($"{primary.Metric} gains {F(primary.Gain)} ({F(primary.Champion)} → {F(primary.Candidate)}), at least the margin of {F(margin)}.");
        }
        if (primary.Lower <= 0)
        {
            better = false;
            reasons.Add($"The gain is not certain: its 95% bootstrap interval is {F(primary.Lower)} to {F(primary.Upper)}, and its lower end is not above zero.");
        }
        else
        {
            reasons.Add($"The gain's 95% bootstrap interval is {F(primary.Lower)} to {F(primary.Upper)}, above zero.");
        }
        foreach (var check in guardrails.Where(g => !g.Holds))
        {
            better = false;
            reasons.Add($"The guardrail {check.Metric} drops by {F(check.Drop)} ({F(check.Champion)} → {F(check.Candidate)}), past its tolerance of {F(check.Tolerance)}.");
        }
        return new PromotionVerdict(better, reasons);
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
