using System.Text.Json;
using AutoMl.Api.Models;
using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Models;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Registry;

namespace AutoMl.Api.Serving;

/// <summary>
/// The data-quality break that cannot wait for a window: a request whose rows all lack a column the model reads is
/// predicted (the column counts as missing) and alerts at once, once per window and column.
/// </summary>
internal static class ColumnChecks
{
    public static async Task AlertMissingAsync(AutoMlDbContext db, EmailTemplates emails, ResolvedEndpoint resolved, PredictRequest request, DateTimeOffset now, CancellationToken ct)
    {
        if (resolved.InputColumnsJson is not { } json)
        {
            return;
        }
        var rows = request.Rows!;
        var columns = JsonSerializer.Deserialize<List<ModelInputColumn>>(json, JsonSerializerOptions.Web)!;
        var endpoint = resolved.Endpoint;
        var window = EndpointMonitor.WindowStart(now, TimeSpan.FromHours(Math.Max(1, endpoint.MonitorWindowHours)));
        foreach (var column in columns.Where(c => rows.All(r => !r.ContainsKey(c.Name))))
        {
            await EndpointMonitor.RaiseAsync(db, emails, endpoint, "data_quality", column.Name,
                $"A request to the endpoint {endpoint.Name} came without the column '{column.Name}', which the model reads: it was predicted as if every value were missing.",
                window, now, ct);
        }
    }
}
