using System.ComponentModel;
using System.Text.Json;
using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Api.Paging;
using AutoMl.Domain.Registry;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Registry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Serving;

/// <summary>What an endpoint's monitor found: the training baselines, the windows with each feature's distance, the alerts.</summary>
internal static class EndpointMonitoring
{
    public static async Task<Results<Ok<MonitoringView>, ProblemHttpResult, ValidationProblem>> GetAsync(
        string name, CurrentUser current, AutoMlDbContext db, CancellationToken ct,
        [Description("How many of the latest windows, 1 to 365 (default 30).")] int windows = 30)
    {
        if (windows is < 1 or > 365)
        {
            return ProblemResults.Validation("windows", "windows is a number from 1 to 365.");
        }
        if (await EndpointResolver.ResolveAsync(db, current.Id, name, ct) is not { } resolved)
        {
            return ProblemResults.NotFound(ServingEndpointRoutes.Missing(name));
        }
        var endpoint = resolved.Endpoint;
        var baselineJson = resolved.Champion is { } champion
            ? await db.Models.AsNoTracking().Where(m => m.Id == champion.ModelId).Select(m => m.BaselineJson).SingleOrDefaultAsync(ct)
            : null;
        var baselines = baselineJson is null ? [] : Read<List<FeatureBaseline>>(baselineJson);
        var rows = await db.MonitorWindows.AsNoTracking().Where(w => w.EndpointId == endpoint.Id)
            .OrderByDescending(w => w.Start).Take(windows).ToListAsync(ct);
        rows.Reverse();
        return TypedResults.Ok(new MonitoringView(
            resolved.Champion?.Version,
            endpoint.MonitorWindowHours,
            DriftMath.DefaultWarn,
            DriftMath.DefaultAlert,
            Thresholds(endpoint),
            baselines.Select(b => new BaselineView(b.Feature, b.Kind, FeatureBaselines.BinNames(b), b.Shares)).ToList(),
            rows.Select(w => new MonitorWindowView(w.Start, w.End, w.Rows, w.Version, w.Skipped, Read<List<FeatureWindow>>(w.FeaturesJson))).ToList()));
    }

    public static async Task<Results<Ok<MonitoringView>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        string name, UpdateMonitoringRequest request, CurrentUser current, AutoMlDbContext db, CancellationToken ct)
    {
        if (request.WindowHours is < 1 or > 168)
        {
            return ProblemResults.Validation("windowHours", "windowHours is a number of hours from 1 to 168 (a week).");
        }
        if (request.Thresholds?.FirstOrDefault(t => t.Value is null || t.Value.Warn <= 0 || t.Value.Alert > 1 || t.Value.Warn >= t.Value.Alert) is { Key: not null } bad)
        {
            return ProblemResults.Validation("thresholds", $"The thresholds of '{bad.Key}' need 0 < warn < alert ≤ 1 (Jensen-Shannon distances).");
        }
        if (await db.Endpoints.SingleOrDefaultAsync(e => e.UserId == current.Id && e.Name == name, ct) is not { } endpoint)
        {
            return ProblemResults.NotFound(ServingEndpointRoutes.Missing(name));
        }
        if (request.WindowHours is { } hours && hours != endpoint.MonitorWindowHours)
        {
            endpoint.MonitorWindowHours = hours;
            // Windows of the new length start after the last one judged; none is judged twice.
            if (endpoint.MonitoredUntil is { } until)
            {
                var length = TimeSpan.FromHours(hours);
                var start = EndpointMonitor.WindowStart(until, length);
                endpoint.MonitoredUntil = start == until ? start : start + length;
            }
        }
        if (request.Thresholds is { } thresholds)
        {
            endpoint.ThresholdsJson = thresholds.Count == 0 ? null : JsonSerializer.Serialize(thresholds, JsonSerializerOptions.Web);
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(name, current, db, ct);
    }

    public static async Task<Results<Ok<Page<AlertView>>, ProblemHttpResult, ValidationProblem>> AlertsAsync(
        CurrentUser current, [FromKeyedServices(ReadDb.Key)] AutoMlDbContext db, CancellationToken ct,
        [Description("Only the alerts of this endpoint (its name).")] string? endpoint = null, int pageSize = 50, string? cursor = null)
    {
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        var endpoints = await db.Endpoints.AsNoTracking().Where(e => e.UserId == current.Id).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var query = db.EndpointAlerts.AsNoTracking().Where(a => a.UserId == current.Id);
        if (endpoint is not null)
        {
            var id = endpoints.FirstOrDefault(e => e.Value == endpoint).Key;
            if (id == Guid.Empty)
            {
                return ProblemResults.NotFound(ServingEndpointRoutes.Missing(endpoint));
            }
            query = query.Where(a => a.EndpointId == id);
        }
        if (cursor is not null)
        {
            if (!Cursor.TryDecode(cursor, out var at, out var last))
            {
                return ProblemResults.Validation("cursor", KeysetPage.BadCursor);
            }
            query = query.Where(a => a.CreatedAt < at || (a.CreatedAt == at && a.Id.CompareTo(last) < 0));
        }
        var rows = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(pageSize + 1).ToListAsync(ct);
        var next = rows.Count > pageSize ? Cursor.Encode(rows[pageSize - 1].CreatedAt, rows[pageSize - 1].Id) : null;
        return TypedResults.Ok(new Page<AlertView>(rows.Take(pageSize).Select(a => new AlertView(a.Id, endpoints.GetValueOrDefault(a.EndpointId, ""), a.Kind, a.Feature, a.Message, a.WindowStart, a.CreatedAt)).ToList(), next));
    }

    private static Dictionary<string, ThresholdView> Thresholds(ServingEndpoint endpoint) =>
        endpoint.ThresholdsJson is { } json ? Read<Dictionary<string, ThresholdView>>(json) : [];

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web)!;
}
