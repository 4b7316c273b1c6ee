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

        var missing = await Assert.ThrowsAsync<AutoMlApiException>(() => client.RegisteredModels.GetAsync("nothing-here"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("No registered model named 'nothing-here' exists in your account.", missing.Detail);

        var noVersion = await Assert.ThrowsAsync<AutoMlApiException>(() => client.RegisteredModels.MoveAliasAsync("churn", "production", 3, "ship it"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noVersion.StatusCode);
        Assert.Equal("churn has no versions yet: add one before pointing an alias at it.", noVersion.Detail);

        var taken = await Assert.ThrowsAsync<AutoMlApiException>(() => client.RegisteredModels.CreateAsync(new NewRegisteredModel { Name = "churn" }));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);

        var noEndpoint = await Assert.ThrowsAsync<AutoMlApiException>(() => client.Endpoints.PredictAsync("nowhere", PredictionPlatformFactory.Rows(1)));
        Assert.Equal(HttpStatusCode.NotFound, noEndpoint.StatusCode);
        Assert.Equal("No endpoint named 'nowhere' exists in your account.", noEndpoint.Detail);

        await client.Endpoints.CreateAsync(new NewServingEndpoint { Name = "churn-api", RegisteredModel = "churn" });
        var nothingToServe = await Assert.ThrowsAsync<AutoMlApiException>(() => client.Endpoints.PredictAsync("churn-api", PredictionPlatformFactory.Rows(1)));
        Assert.Equal(HttpStatusCode.Conflict, nothingToServe.StatusCode);
        Assert.Contains("names no version", nothingToServe.Detail, StringComparison.Ordinal);

        var badSplit = await Assert.ThrowsAsync<AutoMlApiException>(() => client.Endpoints.UpdateAsync("churn-api",
            new ServingEndpointUpdate { Challenger = new Challenger { Alias = "staging", Percent = 150 } }));
        Assert.Equal(HttpStatusCode.BadRequest, badSplit.StatusCode);
        Assert.Contains("1 to 99 percent", Assert.Single(badSplit.Errors["challenger.percent"]), StringComparison.Ordinal);
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
