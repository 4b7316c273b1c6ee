using Hangfire;

namespace AutoMl.Workers.Alerts;

/// <summary>
/// Evaluates every alert rule once a minute (a recurring job on the low queue). A rule that cannot measure is skipped
/// for this run, its alert left as it was: a store being down says nothing about whether the condition has cleared.
/// </summary>
internal sealed class PlatformAlertsJob(IReadOnlyList<IAlertRule> rules, AlertBook book, ILogger<PlatformAlertsJob> logger)
{
    public const string RecurringId = "alerts:evaluate";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public async Task<IReadOnlyDictionary<string, AlertChange>> RunAsync(CancellationToken ct)
    {
        var changes = new Dictionary<string, AlertChange>();
        foreach (var rule in rules)
        {
            IReadOnlyList<AlertReading> readings;
            try
            {
                readings = await rule.ReadAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Alert rule {Rule} could not measure; its alert is left as it was", rule.GetType().Name);
                continue;
            }
            foreach (var reading in readings)
            {
                changes[reading.Rule] = await book.ApplyAsync(reading, ct);
            }
        }
        return changes;
    }
}
