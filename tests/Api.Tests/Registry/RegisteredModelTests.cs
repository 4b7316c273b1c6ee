using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoMl.Api.Tests.Models;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Registry;

/// <summary>Registered models, versions and aliases (issue 27).</summary>
[Collection(ModelCatalogCollection.Name)]
public sealed class RegisteredModelTests(ModelCatalogFactory platform)
{
    [Fact]
    public async Task an_alias_move_changes_what_the_endpoint_serves_and_its_history_shows_every_move()
    {
        var (user, _, first, second) = await RegistrySteps.TwoVersionsAsync(platform);
        await (await user.Http.PostAsJsonAsync("/api/v1/endpoints", new { name = "risk", registeredModel = "diabetes" })).JsonAsync(HttpStatusCode.Created);

        var before = await user.Http.PredictAsync("risk");
        Assert.Equal(1, before.GetProperty("version").GetInt32());
        Assert.Equal("production", before.GetProperty("alias").GetString());
        Assert.Equal(first.ToString(), before.GetProperty("modelId").GetString());
        Assert.Single(before.GetProperty("predictions").EnumerateArray());

        await user.Http.MoveAliasAsync("diabetes", "production", 2, "retrained on November's data");
        var after = await user.Http.PredictAsync("risk");
        Assert.Equal(2, after.GetProperty("version").GetInt32());
        Assert.Equal(second.ToString(), after.GetProperty("modelId").GetString());

        var history = (await (await user.Http.GetAsync("/api/v1/registered-models/diabetes/aliases/production/history")).JsonAsync())
            .GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.Equal(JsonValueKind.Null, history[1].GetProperty("fromVersion").ValueKind);
        Assert.Equal(1, history[1].GetProperty("toVersion").GetInt32());
        Assert.Equal("first release", history[1].GetProperty("reason").GetString());
        Assert.Equal(1, history[0].GetProperty("fromVersion").GetInt32());
        Assert.Equal(2, history[0].GetProperty("toVersion").GetInt32());
        Assert.Equal("retrained on November's data", history[0].GetProperty("reason").GetString());
        Assert.Contains("(signed in)", history[0].GetProperty("actor").GetString());

        // The version production left is "previous": a rollback is one move back to it. Other aliases' moves leave it.
        await user.Http.MoveAliasAsync("diabetes", "staging", 2, "candidate");
        await user.Http.MoveAliasAsync("diabetes", "staging", 1, "candidate withdrawn");
        var registered = await (await user.Http.GetAsync("/api/v1/registered-models/diabetes")).JsonAsync();
        Assert.Equal(2, registered.GetProperty("aliases").GetProperty("production").GetInt32());
        Assert.Equal(1, registered.GetProperty("aliases").GetProperty("previous").GetInt32());
        Assert.Equal(["risk"], registered.GetProperty("endpoints").EnumerateArray().Select(e => e.GetString()!).ToArray());
        var versions = (await (await user.Http.GetAsync("/api/v1/registered-models/diabetes/versions")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([2, 1], versions.Select(v => v.GetProperty("version").GetInt32()).ToArray());
        Assert.Equal(["production"], versions[0].GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.Equal(["previous", "staging"], versions[1].GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).ToArray());
        var listed = (await (await user.Http.GetAsync("/api/v1/registered-models")).JsonAsync()).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(2, listed.GetProperty("aliases").GetProperty("production").GetInt32());
    }

    [Fact]
    public async Task a_model_of_another_task_is_refused_with_the_difference_and_nothing_changes()
    {
        var (user, userId, _, _) = await RegistrySteps.TwoVersionsAsync(platform);
        var regression = await platform.CopyAsync(userId, regression: true);

        var problem = await (await user.Http.PostAsJsonAsync("/api/v1/registered-models/diabetes/versions", new { modelId = regression }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("the registered model is a binary model and this one is regression", detail);
        Assert.Contains("predicts 'diabetes' and this one predicts 'medv'", detail);
        Assert.Equal(2, (await (await user.Http.GetAsync("/api/v1/registered-models/diabetes")).JsonAsync()).GetProperty("latestVersion").GetInt32());
    }

    [Fact]
    public async Task bad_names_aliases_and_reasons_are_refused_in_words()
    {
        var (user, _, _, _) = await RegistrySteps.TwoVersionsAsync(platform);
        var name = await (await user.Http.PostAsJsonAsync("/api/v1/registered-models", new { name = "Churn Model" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("lower-case letters, digits and dashes", name.GetProperty("detail").GetString());
        var duplicate = await (await user.Http.PostAsJsonAsync("/api/v1/registered-models", new { name = "diabetes" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("already exists", duplicate.GetProperty("detail").GetString());
        var noReason = await (await user.Http.PutAsJsonAsync("/api/v1/registered-models/diabetes/aliases/production", new { version = 2 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Say why", noReason.GetProperty("detail").GetString());
        var previous = await (await user.Http.PutAsJsonAsync("/api/v1/registered-models/diabetes/aliases/previous", new { version = 2, reason = "x" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("kept by the platform", previous.GetProperty("detail").GetString());
        var missing = await (await user.Http.PutAsJsonAsync("/api/v1/registered-models/diabetes/aliases/staging", new { version = 7, reason = "x" })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("diabetes has no version 7; its versions run from 1 to 2.", missing.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task a_version_keeps_its_model_and_an_endpoint_keeps_its_registered_model()
    {
        var (user, _, first, _) = await RegistrySteps.TwoVersionsAsync(platform);
        await (await user.Http.PostAsJsonAsync("/api/v1/endpoints", new { name = "risk", registeredModel = "diabetes" })).JsonAsync(HttpStatusCode.Created);

        var model = await (await user.Http.DeleteAsync($"/api/v1/models/{first}")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("This model is diabetes version 1: delete the registered model first, or keep the model.", model.GetProperty("detail").GetString());
        var registered = await (await user.Http.DeleteAsync("/api/v1/registered-models/diabetes")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("The endpoint risk serves diabetes", registered.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await user.Http.DeleteAsync("/api/v1/endpoints/risk")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Http.DeleteAsync("/api/v1/registered-models/diabetes")).StatusCode);
        // The models outlive their registered model.
        await (await user.Http.GetAsync($"/api/v1/models/{first}")).JsonAsync();
    }

    [Fact]
    public async Task a_training_job_that_names_a_registered_model_adds_the_next_version()
    {
        var (user, _, _, _) = await RegistrySteps.TwoVersionsAsync(platform);
        var dataset = await user.Http.ReadyDatasetAsync("ml/pima_diabetes.csv");

        var wrong = await (await user.Http.PostAsJsonAsync("/api/v1/jobs", new { datasetId = dataset, target = "age", budgetSeconds = 10, registeredModel = "diabetes" }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("predicts 'diabetes' and this one predicts 'age'", wrong.GetProperty("detail").GetString());
        var unknown = await (await user.Http.PostAsJsonAsync("/api/v1/jobs", new { datasetId = dataset, target = "diabetes", budgetSeconds = 10, registeredModel = "nope" }))
            .ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("No registered model named 'nope'", unknown.GetProperty("detail").GetString());

        var submitted = await (await user.Http.PostAsJsonAsync("/api/v1/jobs", new { datasetId = dataset, target = "diabetes", budgetSeconds = 10, registeredModel = "diabetes" }))
            .JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("diabetes", submitted.GetProperty("registeredModel").GetString());
        var job = await user.Http.JobUntilAsync(submitted.GetProperty("id").GetString()!, j => j.Ended(), 120);
        Assert.Equal("succeeded", job.Status());
        Assert.Equal(3, job.GetProperty("registeredVersion").GetInt32());
        var third = await (await user.Http.GetAsync("/api/v1/registered-models/diabetes/versions/3")).JsonAsync();
        Assert.Equal(job.GetProperty("modelId").GetString(), third.GetProperty("modelId").GetString());
        Assert.Equal("job", third.GetProperty("source").GetString());
    }
}
