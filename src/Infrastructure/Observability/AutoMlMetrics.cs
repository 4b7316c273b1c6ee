using System.Diagnostics.Metrics;

namespace AutoMl.Infrastructure.Observability;

/// <summary>
/// The platform's own instruments under the "AutoMl" meter. Static, so the ledger and the job code record
/// without a constructor change (tests build <c>new CreditLedger(db, clock)</c>); a MeterListener or the
/// OpenTelemetry exporter sees them as soon as it listens to <see cref="MeterName"/>.
/// </summary>
public static class AutoMlMetrics
{
    public const string MeterName = "AutoMl";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> CreditsIn = Meter.CreateCounter<long>(
        "automl.credits.in", "{credit}", "Credits added to balances (purchases, grants, ad rewards, refunds).");

    private static readonly Counter<long> CreditsOut = Meter.CreateCounter<long>(
        "automl.credits.out", "{credit}", "Credits taken from balances (job captures, clawbacks, corrections).");

    private static readonly Counter<long> HoldsReleased = Meter.CreateCounter<long>(
        "automl.credits.holds.released", "{credit}", "Held credits the reconciliation released because their job had ended or was gone.");

    private static readonly Counter<long> HoldsUnrepaired = Meter.CreateCounter<long>(
        "automl.credits.holds.unreconciled", "{account}", "Holds the reconciliation found wrong and could not repair: each needs a person.");

    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram(
        "automl.job.duration", "s", "Wall time of one job attempt on a worker, by kind and outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600] });

    private static readonly Counter<long> TrialsCompleted = Meter.CreateCounter<long>(
        "automl.trials.completed", "{trial}", "Engine trials finished; its rate is the trials per second.");

    /// <summary>One ledger line moved the balance by <paramref name="amount"/> (held credits do not count: they never left).</summary>
    public static void LedgerLine(long amount, string kind)
    {
        if (amount > 0)
        {
            CreditsIn.Add(amount, new KeyValuePair<string, object?>("kind", kind));
        }
        else if (amount < 0)
        {
            CreditsOut.Add(-amount, new KeyValuePair<string, object?>("kind", kind));
        }
    }

    public static void JobAttempt(string kind, string outcome, TimeSpan elapsed) =>
        JobDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    public static void HoldReleasedByReconciliation(long credits) => HoldsReleased.Add(credits);

    /// <summary>Adds <paramref name="count"/> (zero too, so the series exists from the first run).</summary>
    public static void HoldsUnreconciled(long count) => HoldsUnrepaired.Add(count);

    public static void TrialCompleted(string learner) => TrialsCompleted.Add(1, new KeyValuePair<string, object?>("learner", learner));
}
