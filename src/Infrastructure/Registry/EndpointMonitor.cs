using System.Globalization;
using System.Text.Json;
using AutoMl.Domain.Registry;
using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AutoMl.Infrastructure.Registry;

/// <summary>
/// The endpoints' monitor (a recurring job): every closed window of logged inputs is counted on the serving version's
/// training bins and compared with them (skew) and with the window before (drift) by Jensen-Shannon distance. Drift
/// alerts only after two windows in a row past the alert line (one can be chance); data-quality breaks (a missing-rate
/// jump, unseen categories, values of the wrong type) alert at once. Windows under 500 rows are recorded, not judged.
/// </summary>
public sealed class EndpointMonitor(AutoMlDbContext db, EmailTemplates emails, TimeProvider clock, ILogger<EndpointMonitor> logger)
{
    /// <summary>At most this many windows per endpoint per run, so one long-idle endpoint cannot hold the job.</summary>
    private const int MaxWindowsPerRun = 60;

    private const int MaxRowsRead = 100_000;
    private const double MissingJump = 0.2;
    private const double UnseenShare = 0.05;
    private const double TypeErrorShare = 0.01;

    public async Task RunAsync(CancellationToken ct)
    {
        var ids = await db.Endpoints.AsNoTracking().Select(e => e.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            await MonitorAsync(id, ct);
        }
    }

    public async Task MonitorAsync(Guid endpointId, CancellationToken ct)
    {
        var endpoint = await db.Endpoints.SingleOrDefaultAsync(e => e.Id == endpointId, ct);
        if (endpoint is null)
        {
            return;
        }
        var length = TimeSpan.FromHours(Math.Max(1, endpoint.MonitorWindowHours));
        var now = clock.GetUtcNow();
        var start = endpoint.MonitoredUntil ?? WindowStart(endpoint.CreatedAt, length);
        for (var n = 0; n < MaxWindowsPerRun && start + length <= now; n++)
        {
            await EvaluateAsync(endpoint, start, start + length, ct);
            start += length;
            endpoint.MonitoredUntil = start;
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task EvaluateAsync(ServingEndpoint endpoint, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var window = db.PredictionLogs.AsNoTracking().Where(l => l.EndpointId == endpoint.Id && l.Role == PredictionLog.Served && l.At >= start && l.At < end);
        var rows = await window.SumAsync(l => l.Rows, ct);
        // A busy endpoint's day can hold millions of rows: the distributions are read from a uniform sample of them.
        var keep = rows <= MaxRowsRead ? 1.0 : (double)MaxRowsRead / rows;
        var logs = await window.Where(l => keep >= 1 || EF.Functions.Random() < keep)
            .Select(l => new { l.Version, l.Rows, l.InputsJson }).ToListAsync(ct);
        var version = logs.GroupBy(l => l.Version).OrderByDescending(g => g.Sum(l => l.Rows)).Select(g => (int?)g.Key).FirstOrDefault();
        var baselines = version is { } v ? await BaselinesAsync(endpoint.RegisteredModelId, v, ct) : [];
        var skipped = rows < DriftMath.MinimumRows;
        var previous = skipped ? null : await db.MonitorWindows.AsNoTracking()
            .Where(w => w.EndpointId == endpoint.Id && w.Start < start && !w.Skipped).OrderByDescending(w => w.Start).FirstOrDefaultAsync(ct);
        var previousFeatures = previous is null ? [] : Read<List<FeatureWindow>>(previous.FeaturesJson).ToDictionary(f => f.Feature);
        var thresholds = endpoint.ThresholdsJson is { } json ? Read<Dictionary<string, Threshold>>(json) : [];

        var inputs = logs.SelectMany(l => JsonDocument.Parse(l.InputsJson).RootElement.EnumerateArray().Select(r => r.Clone())).ToList();
        var features = new List<FeatureWindow>();
        var alerts = new List<(string Kind, string Feature, string Message)>();
        foreach (var baseline in baselines)
        {
            var (counts, typeErrors) = Count(baseline, inputs);
            var missingShare = inputs.Count == 0 ? 0 : counts[0] / Math.Max(1, counts.Sum());
            var typeErrorShare = inputs.Count == 0 ? 0 : typeErrors / (double)inputs.Count;
            var threshold = thresholds.GetValueOrDefault(baseline.Feature) ?? new Threshold(DriftMath.DefaultWarn, DriftMath.DefaultAlert);
            double? skew = null, drift = null;
            var level = "skipped";
            if (!skipped)
            {
                skew = DriftMath.JensenShannon(counts, baseline.Shares);
                if (previousFeatures.TryGetValue(baseline.Feature, out var before) && before.Counts.Count == counts.Length)
                {
                    drift = DriftMath.JensenShannon(counts, before.Counts);
                }
                level = DriftMath.Level(Math.Max(skew.Value, drift ?? 0), threshold.Warn, threshold.Alert);
                if (level == "alert" && previousFeatures.TryGetValue(baseline.Feature, out var last) && last.Level == "alert")
                {
                    alerts.Add(("drift", baseline.Feature, string.Create(CultureInfo.InvariantCulture,
                        $"The feature '{baseline.Feature}' has moved for two windows in a row: Jensen-Shannon distance {skew:F2} from the training data and {drift ?? 0:F2} from the window before (the alert line is {threshold.Alert:F2}).")));
                }
            }
            if (rows > 0)
            {
                alerts.AddRange(Quality(baseline, counts, missingShare, typeErrorShare));
            }
            features.Add(new FeatureWindow(baseline.Feature, counts, skew, drift, level, missingShare, typeErrorShare));
        }
        db.MonitorWindows.Add(new MonitorWindow
        {
            Id = Guid.CreateVersion7(),
            EndpointId = endpoint.Id,
            UserId = endpoint.UserId,
            Start = start,
            End = end,
            Rows = rows,
            Version = version,
            Skipped = skipped,
            FeaturesJson = JsonSerializer.Serialize(features, JsonSerializerOptions.Web),
        });
        foreach (var (kind, feature, message) in alerts)
        {
            await RaiseAsync(db, emails, endpoint, kind, feature, message, start, clock.GetUtcNow(), ct);
        }
        logger.LogInformation("Endpoint {Endpoint} window {Start:u}: {Rows} rows, {Alerts} alerts", endpoint.Id, start, rows, alerts.Count);
    }

    private static IEnumerable<(string, string, string)> Quality(FeatureBaseline baseline, double[] counts, double missingShare, double typeErrorShare)
    {
        var trainingMissing = baseline.Shares[0];
        if (missingShare >= 0.999 && trainingMissing < 0.999)
        {
            yield return ("data_quality", baseline.Feature, $"No request sent the column '{baseline.Feature}', which the model reads: every row predicted without it.");
        }
        else if (missingShare - trainingMissing >= MissingJump)
        {
            yield return ("data_quality", baseline.Feature, string.Create(CultureInfo.InvariantCulture,
                $"The column '{baseline.Feature}' is missing in {missingShare:P0} of rows, against {trainingMissing:P0} in the training data."));
        }
        if (!FeatureBaselines.IsNumeric(baseline) && baseline.AllLevelsKept)
        {
            var present = counts.Skip(1).Sum();
            if (present > 0 && counts[^1] / present >= UnseenShare)
            {
                yield return ("data_quality", baseline.Feature, string.Create(CultureInfo.InvariantCulture,
                    $"{counts[^1] / present:P0} of the values of '{baseline.Feature}' are categories the model never saw in training."));
            }
        }
        if (typeErrorShare >= TypeErrorShare)
        {
            yield return ("data_quality", baseline.Feature, string.Create(CultureInfo.InvariantCulture,
                $"{typeErrorShare:P0} of the values of '{baseline.Feature}' are not numbers, though the model reads it as a number."));
        }
    }

    /// <summary>Saves an alert once per endpoint, window, kind and feature, and mails its owner when it is new.</summary>
    public static async Task RaiseAsync(AutoMlDbContext db, EmailTemplates emails, ServingEndpoint endpoint, string kind, string feature, string message, DateTimeOffset windowStart, DateTimeOffset now, CancellationToken ct)
    {
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO endpoint_alerts (id, user_id, endpoint_id, kind, feature, message, window_start, created_at)
            VALUES ({Guid.CreateVersion7()}, {endpoint.UserId}, {endpoint.Id}, {kind}, {feature}, {message}, {windowStart}, {now})
            ON CONFLICT (endpoint_id, window_start, kind, feature) DO NOTHING
            """, ct);
        if (inserted == 1 && await db.Users.AsNoTracking().Where(u => u.Id == endpoint.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct) is { } to)
        {
            emails.EndpointAlert(endpoint.UserId, to, endpoint.Name, message);
            await db.SaveChangesAsync(ct);
        }
    }

    private static (double[] Counts, int TypeErrors) Count(FeatureBaseline baseline, IReadOnlyList<JsonElement> rows)
    {
        var typeErrors = 0;
        if (FeatureBaselines.IsNumeric(baseline))
        {
            var values = rows.Select(r =>
            {
                if (!r.TryGetProperty(baseline.Feature, out var cell) || cell.ValueKind == JsonValueKind.Null)
                {
                    return double.NaN;
                }
                if (cell.ValueKind == JsonValueKind.Number)
                {
                    return cell.GetDouble();
                }
                if (cell.ValueKind == JsonValueKind.String && double.TryParse(cell.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }
                typeErrors++;
                return double.NaN;
            }).ToList();
            return (FeatureBaselines.CountNumbers(baseline, values), typeErrors);
        }
        var levels = rows.Select(r => !r.TryGetProperty(baseline.Feature, out var cell) ? null : cell.ValueKind switch
        {
            JsonValueKind.String => cell.GetString(),
            JsonValueKind.Number => cell.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }).ToList();
        return (FeatureBaselines.CountLevels(baseline, levels), typeErrors);
    }

    private async Task<List<FeatureBaseline>> BaselinesAsync(Guid registeredModelId, int version, CancellationToken ct)
    {
        var json = await (from v in db.ModelVersions
                          where v.RegisteredModelId == registeredModelId && v.Version == version
                          join m in db.Models on v.ModelId equals m.Id
                          select m.BaselineJson).SingleOrDefaultAsync(ct);
        return json is null ? [] : Read<List<FeatureBaseline>>(json);
    }

    /// <summary>The start of the window holding <paramref name="at"/>: windows start at multiples of their length since 1970.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset at, TimeSpan length) =>
        new(at.UtcTicks - at.UtcTicks % length.Ticks, TimeSpan.Zero);

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web)!;

    private sealed record Threshold(double Warn, double Alert);
}
