using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoMl.Api.Tests.Models;
using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Registry;
using AutoMl.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoMl.Api.Tests.Registry;

/// <summary>
/// Endpoint monitoring (issue 27): rows drawn like the training data raise nothing; a shifted feature alerts, naming
/// it, once two windows in a row have moved; a column missing from requests alerts at once. Windows are an hour long
/// here, and each batch of logged rows is placed in its hour by moving its log time back.
/// </summary>
[Collection(ModelCatalogCollection.Name)]
public sealed class MonitoringTests(ModelCatalogFactory platform)
{
    [Fact]
    public async Task a_shifted_feature_alerts_after_two_windows_and_a_missing_column_at_once()
    {
        var (user, userId, _, _) = await RegistrySteps.TwoVersionsAsync(platform);
        await RegistrySteps.GrantAsync(platform, userId, 100);
        await (await user.Http.PostAsJsonAsync("/api/v1/endpoints", new { name = "risk", registeredModel = "diabetes" })).JsonAsync(HttpStatusCode.Created);
        await (await user.Http.PatchAsJsonAsync("/api/v1/endpoints/risk/monitoring", new { windowHours = 1 })).JsonAsync();
        // A feature's lines sent as null are refused with the rule, not a server error, and change nothing.
        var nullLines = await (await user.Http.PatchAsync("/api/v1/endpoints/risk/monitoring",
            new StringContent("{\"windowHours\":2,\"thresholds\":{\"glucose\":null}}", System.Text.Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("glucose", nullLines.ToString());
        Assert.Equal(1, (await (await user.Http.GetAsync("/api/v1/endpoints/risk/monitoring")).JsonAsync()).GetProperty("windowHours").GetInt32());
        var now = DateTimeOffset.UtcNow;
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
            await db.Endpoints.Where(e => e.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.CreatedAt, hour.AddHours(-3)));
        }

        var random = new Random(7);
        await SendAsync(user, userId, Draw(random, 2_000, shift: 0), hour.AddHours(-3));
        await SendAsync(user, userId, Draw(random, 1_000, shift: 80), hour.AddHours(-2));
        await SendAsync(user, userId, Draw(random, 1_000, shift: 80), hour.AddHours(-1));

        // The first two windows: training-like, then the first shifted one. One moved window can be chance: no alert.
        await MonitorAtAsync(userId, hour.AddHours(-1).AddMinutes(1));
        Assert.Empty(await AlertsAsync(user));
        // The second shifted window in a row: an alert naming glucose and nothing else.
        await MonitorAtAsync(userId, hour.AddMinutes(1));
        var alerts = await AlertsAsync(user);
        var drift = Assert.Single(alerts);
        Assert.Equal("drift", drift.GetProperty("kind").GetString());
        Assert.Equal("glucose", drift.GetProperty("feature").GetString());
        Assert.Equal("risk", drift.GetProperty("endpoint").GetString());
        Assert.Contains("two windows in a row", drift.GetProperty("message").GetString());

        var monitoring = await (await user.Http.GetAsync("/api/v1/endpoints/risk/monitoring")).JsonAsync();
        var windows = monitoring.GetProperty("windows").EnumerateArray().ToList();
        Assert.Equal([2_000, 1_000, 1_000], windows.Select(w => w.GetProperty("rows").GetInt32()).ToArray());
        double Skew(JsonElement window, string feature) =>
            window.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("feature").GetString() == feature).GetProperty("skew").GetDouble();
        Assert.True(Skew(windows[0], "glucose") < 0.1, $"training-like glucose is close to its baseline ({Skew(windows[0], "glucose"):F3})");
        Assert.True(Skew(windows[1], "glucose") >= 0.2, $"shifted glucose is far from it ({Skew(windows[1], "glucose"):F3})");
        Assert.All(windows, w => Assert.True(Skew(w, "age") < 0.1));
        Assert.Contains(monitoring.GetProperty("baselines").EnumerateArray(), b => b.GetProperty("feature").GetString() == "glucose");

        // A client that stops sending a column: an alert at once, without waiting for a window.
        var rows = Draw(random, 3, shift: 0).Select(r => r.Where(kv => kv.Key != "mass").ToDictionary()).ToList();
        await (await user.Http.PostAsJsonAsync("/api/v1/endpoints/risk/predict", new { rows })).JsonAsync();
        var quality = (await AlertsAsync(user)).Single(a => a.GetProperty("kind").GetString() == "data_quality");
        Assert.Equal("mass", quality.GetProperty("feature").GetString());
        Assert.Contains("without the column 'mass'", quality.GetProperty("message").GetString());

        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
            Assert.Equal(2, await db.OutboxEmails.CountAsync(e => e.UserId == userId && e.Template == "endpoint-alert"));
        }
    }

    private async Task SendAsync(BrowserClient user, Guid userId, List<Dictionary<string, object?>> rows, DateTimeOffset windowStart)
    {
        var ids = new List<Guid>();
        foreach (var chunk in rows.Chunk(1_000))
        {
            var answer = await (await user.Http.PostAsJsonAsync("/api/v1/endpoints/risk/predict", new { rows = chunk })).JsonAsync();
            ids.Add(Guid.Parse(answer.GetProperty("requestId").GetString()!));
        }
        var logged = await user.Http.LogsUntilAsync("risk", items => ids.All(id => items.Any(i => i.GetProperty("requestId").GetString() == id.ToString())));
        Assert.All(ids, id => Assert.Contains(logged, i => i.GetProperty("requestId").GetString() == id.ToString()));
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
        var at = windowStart.AddMinutes(10);
        await db.PredictionLogs.Where(l => l.UserId == userId && ids.Contains(l.RequestId)).ExecuteUpdateAsync(s => s.SetProperty(l => l.At, at));
    }

    private async Task MonitorAtAsync(Guid userId, DateTimeOffset at)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
        var clock = new MovableClock();
        clock.Pin(at);
        var monitor = new EndpointMonitor(db, scope.ServiceProvider.GetRequiredService<EmailTemplates>(), clock, NullLogger<EndpointMonitor>.Instance);
        var endpoint = await db.Endpoints.AsNoTracking().SingleAsync(e => e.UserId == userId);
        await monitor.MonitorAsync(endpoint.Id, default);
    }

    private static async Task<List<JsonElement>> AlertsAsync(BrowserClient user) =>
        (await (await user.Http.GetAsync("/api/v1/alerts")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();

    /// <summary>Rows drawn with replacement from the pima data the model trained on, glucose moved up by <paramref name="shift"/>.</summary>
    private static List<Dictionary<string, object?>> Draw(Random random, int count, double shift)
    {
        var lines = File.ReadAllLines(TestData.Path("ml/pima_diabetes.csv"));
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToArray();
        var data = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        return Enumerable.Range(0, count).Select(_ =>
        {
            var cells = data[random.Next(data.Length)];
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < header.Length; i++)
            {
                if (header[i] == "diabetes")
                {
                    continue;
                }
                row[header[i]] = cells[i].Length == 0 ? null : double.Parse(cells[i], CultureInfo.InvariantCulture) + (header[i] == "glucose" ? shift : 0);
            }
            return row;
        }).ToList();
    }
}
