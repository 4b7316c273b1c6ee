using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Admin;

/// <summary>
/// GET /admin/figures: one SQL query per family of figures, each grouped by UTC day over the whole range; days with
/// nothing come back as zeros, filled in here rather than asked for.
/// </summary>
internal static class PlatformFigures
{
    private sealed record DayCount(DateOnly Day, int Count);

    private sealed record DayKindCount(DateOnly Day, string Kind, int Count);

    private sealed record CreditRow(DateOnly Day, string Kind, long CreditsIn, long CreditsOut);

    private sealed record RevenueRow(DateOnly Day, string Currency, int Payments, long AmountCents, long Credits);

    private sealed record QueueRow(DateOnly Day, int? Depth, int Started, double? AverageWait, double? P95Wait);

    public static async Task<PlatformFiguresView> ReadAsync(AutoMlDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var signUps = await db.Database.SqlQuery<DayCount>($"""
            SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS count
            FROM users WHERE created_at >= {start} AND created_at < {end} GROUP BY 1
            """).ToDictionaryAsync(r => r.Day, r => r.Count, ct);
        var active = await db.Database.SqlQuery<DayCount>($"""
            SELECT (t AT TIME ZONE 'UTC')::date AS day, count(DISTINCT user_id)::int AS count FROM (
                SELECT user_id, at AS t FROM audit_events
                WHERE action = 'sign-in' AND outcome = 'success' AND user_id IS NOT NULL AND at >= {start} AND at < {end}
                UNION ALL SELECT user_id, created_at FROM jobs WHERE created_at >= {start} AND created_at < {end}
                UNION ALL SELECT user_id, created_at FROM datasets WHERE created_at >= {start} AND created_at < {end}
                UNION ALL SELECT user_id, created_at FROM credit_entries WHERE kind = 'Prediction' AND created_at >= {start} AND created_at < {end}
            ) AS acts GROUP BY 1
            """).ToDictionaryAsync(r => r.Day, r => r.Count, ct);
        var jobs = Index(await db.Database.SqlQuery<DayKindCount>($"""
            SELECT day, kind, count(*)::int AS count FROM (
                SELECT (created_at AT TIME ZONE 'UTC')::date AS day, 'submitted' AS kind FROM jobs WHERE created_at >= {start} AND created_at < {end}
                UNION ALL
                SELECT (finished_at AT TIME ZONE 'UTC')::date, lower(status) FROM jobs
                WHERE status IN ('Succeeded', 'Failed', 'Cancelled') AND finished_at >= {start} AND finished_at < {end}
            ) AS ends GROUP BY 1, 2
            """).ToListAsync(ct));
        var credits = (await db.Database.SqlQuery<CreditRow>($"""
            SELECT (created_at AT TIME ZONE 'UTC')::date AS day, kind,
                   coalesce(sum(amount) FILTER (WHERE amount > 0), 0)::bigint AS credits_in,
                   coalesce(-sum(amount) FILTER (WHERE amount < 0), 0)::bigint AS credits_out
            FROM credit_entries WHERE amount <> 0 AND created_at >= {start} AND created_at < {end} GROUP BY 1, 2
            """).ToListAsync(ct)).ToLookup(r => r.Day);
        var revenue = (await db.Database.SqlQuery<RevenueRow>($"""
            SELECT (created_at AT TIME ZONE 'UTC')::date AS day, currency, count(*)::int AS payments, sum(amount_cents)::bigint AS amount_cents,
                   sum(credits)::bigint AS credits
            FROM stripe_payments WHERE created_at >= {start} AND created_at < {end} GROUP BY 1, 2
            """).ToListAsync(ct)).ToLookup(r => r.Day);
        // Depth: +1 when a job is submitted, -1 when it leaves the queue (starts, or is cancelled unstarted), summed
        // in day order; everything before the range folds into its first day.
        var queue = await db.Database.SqlQuery<QueueRow>($"""
            WITH moves AS (
                SELECT created_at AS at, 1 AS delta FROM jobs WHERE created_at < {end}
                UNION ALL
                SELECT coalesce(started_at, finished_at), -1 FROM jobs WHERE coalesce(started_at, finished_at) < {end}
            ), per_day AS (
                SELECT greatest((at AT TIME ZONE 'UTC')::date, {from}) AS day, sum(delta) AS delta FROM moves GROUP BY 1
            ), depths AS (
                SELECT day, (sum(delta) OVER (ORDER BY day))::int AS depth FROM per_day
            ), waits AS (
                SELECT (started_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS started,
                       avg(extract(epoch FROM started_at - created_at))::float8 AS average_wait,
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM started_at - created_at)) AS p95wait
                FROM jobs WHERE started_at >= {start} AND started_at < {end} GROUP BY 1
            )
            SELECT coalesce(d.day, w.day) AS day, d.depth, coalesce(w.started, 0) AS started, w.average_wait, w.p95wait
            FROM depths d FULL JOIN waits w ON w.day = d.day
            """).ToDictionaryAsync(r => r.Day, ct);
        var failures = Index(await db.Database.SqlQuery<DayKindCount>($"""
            SELECT day, kind, count(*)::int AS count FROM (
                SELECT (finished_at AT TIME ZONE 'UTC')::date AS day, 'jobs' AS kind FROM jobs
                WHERE status = 'Failed' AND finished_at >= {start} AND finished_at < {end}
                UNION ALL
                SELECT (created_at AT TIME ZONE 'UTC')::date, 'datasets' FROM datasets WHERE status = 'Failed' AND created_at >= {start} AND created_at < {end}
            ) AS failed GROUP BY 1, 2
            """).ToListAsync(ct));

        var days = new List<DayFiguresView>();
        var depth = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            queue.TryGetValue(day, out var q);
            depth = q?.Depth ?? depth;
            days.Add(new DayFiguresView(
                day,
                signUps.GetValueOrDefault(day),
                active.GetValueOrDefault(day),
                new JobDayFigures(jobs.GetValueOrDefault((day, "submitted")), jobs.GetValueOrDefault((day, "succeeded")),
                    jobs.GetValueOrDefault((day, "failed")), jobs.GetValueOrDefault((day, "cancelled"))),
                credits[day].Select(c => new CreditFlowView(Enum.Parse<CreditEntryKind>(c.Kind), c.CreditsIn, c.CreditsOut)).OrderBy(c => c.Kind).ToList(),
                revenue[day].Select(r => new RevenueView(r.Currency, r.Payments, r.AmountCents, r.Credits)).OrderBy(r => r.Currency, StringComparer.Ordinal).ToList(),
                new QueueDayFigures(depth, q?.Started ?? 0, q?.AverageWait, q?.P95Wait),
                new FailureDayFigures(failures.GetValueOrDefault((day, "jobs")), failures.GetValueOrDefault((day, "datasets")))));
        }
        return new PlatformFiguresView(from, to, days);
    }

    private static Dictionary<(DateOnly, string), int> Index(List<DayKindCount> rows) => rows.ToDictionary(r => (r.Day, r.Kind), r => r.Count);
}
