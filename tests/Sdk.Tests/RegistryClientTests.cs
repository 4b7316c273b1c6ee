using System.Net;
using AutoMl.Api.Tests.Models;
using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

[Collection(PlatformCollection.Name)]
public sealed class RegistryClientTests(SdkPlatformFactory platform)
{
    [Fact]
    public async Task an_endpoint_answers_with_the_version_production_moved_to_keeps_the_moves_and_logs_the_feedback()
    {
        using var client = await platform.NewUserClientAsync();
        var first = await TrainedPima.CopyAsync(platform, client);
        var second = await TrainedPima.CopyAsync(platform, client);
        var created = await client.RegisteredModels.CreateAsync(new NewRegisteredModel { Name = "diabetes", Description = "Diabetes risk", Tags = ["Clinic"] });
        Assert.Equal(0, created.LatestVersion);
        Assert.Equal(["clinic"], created.Tags);

        Assert.Equal(1, (await client.RegisteredModels.AddVersionAsync("diabetes", first, "first cut")).Version);
        var added = await client.RegisteredModels.AddVersionAsync("diabetes", second);
        Assert.Equal((2, second, "manual"), (added.Version, added.ModelId, added.Source));
        await client.RegisteredModels.MoveAliasAsync("diabetes", "production", 1, "first release");
        var endpoint = await client.Endpoints.CreateAsync(new NewServingEndpoint { Name = "diabetes-api", RegisteredModel = "diabetes" });
        Assert.Equal(("production", 1), (endpoint.Alias, endpoint.Serving["production"]));

        var moved = await client.RegisteredModels.MoveAliasAsync("diabetes", "production", 2, "better recall on the March data");
        Assert.Equal(2, moved.Version);
        var answer = await client.Endpoints.PredictAsync("diabetes-api", PredictionPlatformFactory.Rows(1));

        Assert.Equal(("diabetes", 2, "production", second), (answer.RegisteredModel, answer.Version, answer.Alias, answer.ModelId));
        Assert.Contains(Assert.Single(answer.Predictions).Label, new[] { "pos", "neg" });
        Assert.True(answer.CreditsCharged >= 1);
        var history = await client.RegisteredModels.GetAliasHistoryAsync("diabetes", "production");
        Assert.Equal(new (int?, int, string)[] { (1, 2, "better recall on the March data"), (null, 1, "first release") }, history.Items.Select(m => (m.FromVersion, m.ToVersion!.Value, m.Reason)));
        Assert.All(history.Items, m => Assert.False(string.IsNullOrEmpty(m.Actor)));
        var versions = await client.RegisteredModels.ListVersionsAsync("diabetes");
        Assert.Equal([2, 1], versions.Items.Select(v => v.Version));
        Assert.Equal(["production"], versions.Items[0].Aliases);
        Assert.Equal(["previous"], versions.Items[1].Aliases); // a rollback is one move away
        var registered = await client.RegisteredModels.GetAsync("diabetes");
        Assert.Equal((2, 2), (registered.LatestVersion, registered.Aliases["production"]));
        Assert.Equal(["diabetes-api"], registered.Endpoints);
        Assert.Equal(("binary", "diabetes"), (registered.Task, registered.Target)); // set by the first version

        var receipt = await client.Endpoints.SendFeedbackAsync("diabetes-api", answer.RequestId, "pos");
        Assert.Equal(answer.RequestId, receipt.RequestId);
        var logged = await LoggedAsync(client, "diabetes-api", answer.RequestId);
        Assert.Equal((PredictionLogRoles.Served, 2, 1), (logged.Role, logged.Version, logged.Rows));
        Assert.Equal("pos", logged.Actual?.GetString());
    }

    [Fact]
    public async Task refusals_of_the_registry_and_endpoints_surface_as_typed_errors_with_the_apis_sentence()
    {
        using var client = await platform.NewUserClientAsync();
        await client.RegisteredModels.CreateAsync(new NewRegisteredModel { Name = "churn" });

        var missing = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.RegisteredModels.GetAsync("nothing-here"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("No registered model named 'nothing-here' exists in your account.", missing.Detail);

        var noVersion = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.RegisteredModels.MoveAliasAsync("churn", "production", 3, "ship it"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noVersion.StatusCode);
        Assert.Equal("churn has no versions yet: add one before pointing an alias at it.", noVersion.Detail);

        var taken = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.RegisteredModels.CreateAsync(new NewRegisteredModel { Name = "churn" }));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);

        var noEndpoint = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.Endpoints.PredictAsync("nowhere", PredictionPlatformFactory.Rows(1)));
        Assert.Equal(HttpStatusCode.NotFound, noEndpoint.StatusCode);
        Assert.Equal("No endpoint named 'nowhere' exists in your account.", noEndpoint.Detail);

        await client.Endpoints.CreateAsync(new NewServingEndpoint { Name = "churn-api", RegisteredModel = "churn" });
        var nothingToServe = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.Endpoints.PredictAsync("churn-api", PredictionPlatformFactory.Rows(1)));
        Assert.Equal(HttpStatusCode.Conflict, nothingToServe.StatusCode);
        Assert.Contains("names no version", nothingToServe.Detail, StringComparison.Ordinal);

        var badSplit = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.Endpoints.UpdateAsync("churn-api",
            new ServingEndpointUpdate { Challenger = new Challenger { Alias = "staging", Percent = 150 } }));
        Assert.Equal(HttpStatusCode.BadRequest, badSplit.StatusCode);
        Assert.Contains("1 to 99 percent", Assert.Single(badSplit.Errors["challenger.percent"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_endpoints_monitoring_has_the_baselines_and_the_judged_window_keeps_new_lines_and_lists_a_missing_column_alert()
    {
        using var client = await platform.NewUserClientAsync();
        var model = await TrainedPima.CopyAsync(platform, client);
        await client.RegisteredModels.CreateAsync(new NewRegisteredModel { Name = "diabetes" });
        await client.RegisteredModels.AddVersionAsync("diabetes", model);
        await client.RegisteredModels.MoveAliasAsync("diabetes", "production", 1, "first release");
        var endpoint = await client.Endpoints.CreateAsync(new NewServingEndpoint { Name = "diabetes-api", RegisteredModel = "diabetes" });
        var rows = PimaRows.Features(600);
        await client.Endpoints.PredictAsync("diabetes-api", rows);

        var fresh = await client.Endpoints.GetMonitoringAsync("diabetes-api");
        Assert.Equal((1, 24, 0.1, 0.2), (fresh.Version, fresh.WindowHours, fresh.Warn, fresh.Alert));
        Assert.Equal(rows[0].Keys.Order(), fresh.Baselines.Select(b => b.Feature).Order());
        Assert.All(fresh.Baselines, b =>
        {
            Assert.Equal(b.Bins.Count, b.Shares.Count);
            Assert.Equal(1.0, b.Shares.Sum(), 6);
        });
        Assert.Empty(fresh.Thresholds);
        Assert.Empty(fresh.Windows); // the day's window has not closed

        await MonitorRun.JudgeAsync(platform, endpoint.Id, rows.Count);
        var window = Assert.Single((await client.Endpoints.GetMonitoringAsync("diabetes-api")).Windows);
        Assert.Equal((600, 1, false), (window.Rows, window.Version, window.Skipped));
        Assert.Equal(fresh.Baselines.Select(b => b.Feature), window.Features.Select(f => f.Feature));
        Assert.All(window.Features, f =>
        {
            Assert.NotNull(f.Skew);
            Assert.Null(f.Drift); // no window before it
            Assert.Contains(f.Level, new[] { MonitoringLevels.Ok, MonitoringLevels.Warn, MonitoringLevels.Alert });
        });
        var glucose = window.Features.Single(f => f.Feature == "glucose");
        Assert.True(glucose.Skew < 0.1, $"rows of the training data are close to its baseline (skew {glucose.Skew:F3})");

        var updated = await client.Endpoints.UpdateMonitoringAsync("diabetes-api", new EndpointMonitoringUpdate
        {
            WindowHours = 6,
            Thresholds = new Dictionary<string, DriftThreshold> { ["glucose"] = new() { Warn = 0.15, Alert = 0.3 } },
        });
        foreach (var monitoring in new[] { updated, await client.Endpoints.GetMonitoringAsync("diabetes-api") })
        {
            Assert.Equal(6, monitoring.WindowHours);
            var own = Assert.Single(monitoring.Thresholds);
            Assert.Equal(("glucose", 0.15, 0.3), (own.Key, own.Value.Warn, own.Value.Alert));
        }
        // A set of lines replaces the whole set; a window change alone keeps it; an empty set resets every feature.
        var replaced = await client.Endpoints.UpdateMonitoringAsync("diabetes-api", new EndpointMonitoringUpdate
        {
            Thresholds = new Dictionary<string, DriftThreshold> { ["age"] = new() { Warn = 0.12, Alert = 0.25 } },
        });
        Assert.Equal(["age"], replaced.Thresholds.Keys);
        var longer = await client.Endpoints.UpdateMonitoringAsync("diabetes-api", new EndpointMonitoringUpdate { WindowHours = 12 });
        Assert.Equal((12, "age"), (longer.WindowHours, Assert.Single(longer.Thresholds).Key));
        var reset = await client.Endpoints.UpdateMonitoringAsync("diabetes-api", new EndpointMonitoringUpdate { Thresholds = new Dictionary<string, DriftThreshold>() });
        Assert.Empty(reset.Thresholds);

        Assert.Empty((await client.Endpoints.ListAlertsAsync()).Items); // training-like rows raised nothing
        // The request is answered after its column check: the alert is there when the answer is.
        await client.Endpoints.PredictAsync("diabetes-api", rows.Take(3).Select(r => r.Where(kv => kv.Key != "mass").ToDictionary()));
        var alert = Assert.Single((await client.Endpoints.ListAlertsAsync()).Items);
        Assert.Equal(("diabetes-api", AlertKinds.DataQuality, "mass"), (alert.Endpoint, alert.Kind, alert.Feature));
        Assert.Contains("without the column 'mass'", alert.Message, StringComparison.Ordinal);
        Assert.Equal([alert.Id], (await client.Endpoints.ListAlertsAsync("diabetes-api", pageSize: 10)).Items.Select(a => a.Id));
    }

    [Fact]
    public async Task monitoring_refusals_carry_the_apis_sentence_and_change_nothing()
    {
        using var client = await platform.NewUserClientAsync();
        await client.RegisteredModels.CreateAsync(new NewRegisteredModel { Name = "churn" });
        await client.Endpoints.CreateAsync(new NewServingEndpoint { Name = "churn-api", RegisteredModel = "churn" });

        var unserved = await client.Endpoints.GetMonitoringAsync("churn-api");
        Assert.Null(unserved.Version); // production names no version yet: nothing to compare with
        Assert.Empty(unserved.Baselines);

        foreach (var call in new Func<Task>[] { () => client.Endpoints.GetMonitoringAsync("nowhere"), () => client.Endpoints.ListAlertsAsync("nowhere") })
        {
            var missing = await Assert.ThrowsAnyAsync<AutoMlApiException>(call);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("No endpoint named 'nowhere' exists in your account.", missing.Detail);
        }
        var backwards = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.Endpoints.UpdateMonitoringAsync("churn-api", new EndpointMonitoringUpdate
        {
            Thresholds = new Dictionary<string, DriftThreshold> { ["glucose"] = new() { Warn = 0.3, Alert = 0.15 } },
        }));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal("The thresholds of 'glucose' need 0 < warn < alert ≤ 1 (Jensen-Shannon distances).", Assert.Single(backwards.Errors["thresholds"]));
        var tooLong = await Assert.ThrowsAnyAsync<AutoMlApiException>(() => client.Endpoints.UpdateMonitoringAsync("churn-api", new EndpointMonitoringUpdate { WindowHours = 200 }));
        Assert.Equal("windowHours is a number of hours from 1 to 168 (a week).", Assert.Single(tooLong.Errors["windowHours"]));

        var after = await client.Endpoints.GetMonitoringAsync("churn-api");
        Assert.Equal(24, after.WindowHours);
        Assert.Empty(after.Thresholds);
    }

    /// <summary>The endpoint's log entry of a request, polled: the log is written off the request's path.</summary>
    private static async Task<PredictionLogEntry> LoggedAsync(AutoMlClient client, string endpoint, Guid requestId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await client.Endpoints.GetLogsAsync(endpoint, PredictionLogRoles.Served);
            if (page.Items.SingleOrDefault(e => e.RequestId == requestId) is { } entry)
            {
                return entry;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The request {requestId} was not in the endpoint's log within 30 s.");
            await Task.Delay(200);
        }
    }
}
