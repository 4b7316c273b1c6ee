using Cronos;
using Hangfire;

namespace AutoMl.Infrastructure.Workflows;

/// <summary>
/// A workflow's schedule on Hangfire's recurring jobs, with its time zone. Missed occurrences (workers down, a backlog)
/// are ignored, never piled up, because runs spend credits: Hangfire skips them (MisfireHandlingMode.Ignorable), and a
/// firing that arrives more than <see cref="Grace"/> after its occurrence starts nothing.
/// </summary>
public sealed class WorkflowSchedules(IRecurringJobManager recurring)
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    public static string RecurringId(Guid workflowId) => $"workflow:{workflowId:N}";

    /// <returns>Why the cron expression or time zone cannot be used, or null.</returns>
    public static string? Problem(string? cron, string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(cron) || cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5)
        {
            return "schedule.cron has five fields: minute hour day-of-month month day-of-week, e.g. \"0 6 * * 1\" for Mondays at 06:00.";
        }
        try
        {
            CronExpression.Parse(cron);
        }
        catch (CronFormatException e)
        {
            return $"schedule.cron '{cron}' is not a cron expression: {e.Message}";
        }
        return Zone(timeZone) is null ? $"schedule.timeZone '{timeZone}' is not a time zone; use an IANA name such as Europe/Paris or UTC." : null;
    }

    public static TimeZoneInfo? Zone(string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            return TimeZoneInfo.Utc;
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : null;
    }

    /// <summary>The next occurrence after <paramref name="now"/>, for the workflow's page.</summary>
    public static DateTimeOffset? Next(string cron, string? timeZone, DateTimeOffset now) =>
        CronExpression.Parse(cron).GetNextOccurrence(now.UtcDateTime, Zone(timeZone) ?? TimeZoneInfo.Utc) is { } next ? new DateTimeOffset(next, TimeSpan.Zero) : null;

    /// <summary>The occurrence a firing at <paramref name="now"/> answers: the latest one at most <see cref="Grace"/> ago, or null when it came too late.</summary>
    public static DateTimeOffset? Due(string cron, string? timeZone, DateTimeOffset now)
    {
        var zone = Zone(timeZone) ?? TimeZoneInfo.Utc;
        var occurrences = CronExpression.Parse(cron).GetOccurrences(now.UtcDateTime - Grace, now.UtcDateTime, zone, fromInclusive: true, toInclusive: true);
        return occurrences.LastOrDefault() is var last && last != default ? new DateTimeOffset(last, TimeSpan.Zero) : null;
    }

    /// <summary>Puts the workflow's schedule on Hangfire, or takes it off when it has none or is paused.</summary>
    public void Sync(Workflow workflow)
    {
        if (workflow.Cron is null || workflow.Paused)
        {
            recurring.RemoveIfExists(RecurringId(workflow.Id));
            return;
        }
        var id = workflow.Id;
        recurring.AddOrUpdate<IWorkflowScheduleJob>(RecurringId(id), Domain.Queues.QueueNames.High, j => j.FireAsync(id, CancellationToken.None), workflow.Cron,
            new RecurringJobOptions { TimeZone = Zone(workflow.TimeZone) ?? TimeZoneInfo.Utc, MisfireHandling = MisfireHandlingMode.Ignorable });
    }

    public void Remove(Guid workflowId) => recurring.RemoveIfExists(RecurringId(workflowId));
}
