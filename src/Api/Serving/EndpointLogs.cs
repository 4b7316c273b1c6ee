using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Api.Paging;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Registry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Serving;

/// <summary>What an endpoint's prediction log shows: the requests themselves, and traffic and latency by hour and version.</summary>
internal static class EndpointLogs
{
    public static async Task<Results<Ok<Page<PredictionLogView>>, ProblemHttpResult, ValidationProblem>> ListAsync(
        string name, CurrentUser current, AutoMlDbContext db, CancellationToken ct,
        [Description("served (what clients got) or shadow (a shadow challenger's answers); both when left out.")] string? role = null,
        int pageSize = 50, string? cursor = null)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        if (role is not (null or PredictionLog.Served or PredictionLog.Shadow))
        {
            return ProblemResults.Validation("role", "role is served or shadow.");
        }
        DateTimeOffset? at = null;
        Guid id = default;
        if (cursor is not null)
        {
            if (!Cursor.TryDecode(cursor, out var cursorAt, out id))
            {
                return ProblemResults.Validation("cursor", KeysetPage.BadCursor);
            }
            at = cursorAt;
        }
        var endpointId = await db.Endpoints.AsNoTracking().Where(e => e.UserId == current.Id && e.Name == name).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(ct);
        if (endpointId is null)
        {
            return ProblemResults.NotFound(ServingEndpointRoutes.Missing(name));
        }
        var query = db.PredictionLogs.AsNoTracking().Where(l => l.EndpointId == endpointId && l.UserId == current.Id);
        if (role is not null)
        {
            query = query.Where(l => l.Role == role);
        }
        if (at is { } before)
        {
            query = query.Where(l => l.At < before || (l.At == before && l.RequestId.CompareTo(id) < 0));
        }
        var rows = await query.OrderByDescending(l => l.At).ThenByDescending(l => l.RequestId).Take(pageSize + 1).ToListAsync(ct);
        var requestIds = rows.Select(r => r.RequestId).Distinct().ToList();
        var actuals = await db.PredictionFeedback.AsNoTracking().Where(f => requestIds.Contains(f.RequestId) && f.UserId == current.Id)
            .ToDictionaryAsync(f => f.RequestId, f => f.ActualJson, ct);
        var next = rows.Count > pageSize ? Cursor.Encode(rows[pageSize - 1].At, rows[pageSize - 1].RequestId) : null;
        return TypedResults.Ok(new Page<PredictionLogView>(rows.Take(pageSize).Select(l => new PredictionLogView(
            l.RequestId, l.Role, l.Version, l.Rows, Parse(l.InputsJson), Parse(l.OutputsJson), l.LatencyMs, l.SampleRate,
            actuals.TryGetValue(l.RequestId, out var actual) ? Parse(actual) : null, l.At)).ToList(), next));
    }

    private sealed record HourRow(DateTime Hour, double Requests, double P50, double P95);

    private sealed record VersionRow(int Version, double Requests);

    public static async Task<Results<Ok<EndpointStatsView>, ProblemHttpResult, ValidationProblem>> StatsAsync(
        string name, CurrentUser current, AutoMlDbContext db, TimeProvider clock, CancellationToken ct,
        [Description("How many hours back, 1 to 720 (default 24).")] int hours = 24)
    {
        if (hours is < 1 or > 720)
        {
            return ProblemResults.Validation("hours", "hours is a number from 1 to 720 (30 days).");
        }
        var endpointId = await db.Endpoints.AsNoTracking().Where(e => e.UserId == current.Id && e.Name == name).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(ct);
        if (endpointId is null)
        {
            return ProblemResults.NotFound(ServingEndpointRoutes.Missing(name));
        }
        var since = clock.GetUtcNow().AddHours(-hours);
        // A row logged at a sample rate stands for 1/rate requests.
        var byHour = await db.Database.SqlQuery<HourRow>($"""
            SELECT date_trunc('hour', at) AS hour, sum(1 / sample_rate) AS requests,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95
            FROM prediction_logs WHERE endpoint_id = {endpointId.Value} AND role = 'served' AND at >= {since}
            GROUP BY 1 ORDER BY 1
            """).ToListAsync(ct);
        var overall = await db.Database.SqlQuery<HourRow>($"""
            SELECT now()::timestamp AS hour, coalesce(sum(1 / sample_rate), 0) AS requests,
                   coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms), -1) AS p50, coalesce(percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms), -1) AS p95
            FROM prediction_logs WHERE endpoint_id = {endpointId.Value} AND role = 'served' AND at >= {since}
            """).SingleAsync(ct);
        var versions = await db.Database.SqlQuery<VersionRow>($"""
            SELECT version AS version, sum(1 / sample_rate) AS requests
            FROM prediction_logs WHERE endpoint_id = {endpointId.Value} AND role = 'served' AND at >= {since} GROUP BY version ORDER BY version
            """).ToListAsync(ct);
        return TypedResults.Ok(new EndpointStatsView(
            (long)Math.Round(overall.Requests),
            overall.P50 < 0 ? null : overall.P50,
            overall.P95 < 0 ? null : overall.P95,
            versions.ToDictionary(v => v.Version.ToString(CultureInfo.InvariantCulture), v => (long)Math.Round(v.Requests)),
            byHour.Select(h => new EndpointHour(new DateTimeOffset(DateTime.SpecifyKind(h.Hour, DateTimeKind.Utc)), (long)Math.Round(h.Requests), h.P50, h.P95)).ToList()));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
