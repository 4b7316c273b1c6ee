using System.Net;
using System.Text.Json;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Models;

[Collection(ModelCatalogCollection.Name)]
public sealed class ModelCompareTests(ModelCatalogFactory platform)
{
    [Fact]
    public async Task two_classifiers_of_one_target_compare_metric_by_metric_with_the_best_marked_and_no_warning()
    {
        var (user, userId) = await platform.UserAsync();
        var dataset = await platform.DatasetAsync(userId, "Clinic visits");
        var better = await platform.CopyAsync(userId, false, m =>
        {
            m.DatasetId = dataset;
            m.MetricsJson = """{"auc":0.9,"logLoss":0.4,"accuracy":0.8}""";
        });
        var worse = await platform.CopyAsync(userId, false, m =>
        {
            m.DatasetId = dataset;
            m.MetricsJson = """{"auc":0.8,"logLoss":0.3,"accuracy":0.8}""";
        });

        var comparison = await (await user.Http.GetAsync($"/api/v1/models/compare?ids={worse},{better}")).JsonAsync();

        var models = comparison.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal([worse, better], models.Select(m => m.GetProperty("summary").GetProperty("id").GetGuid()));
        Assert.All(models, m => Assert.Equal("Clinic visits", m.GetProperty("summary").GetProperty("datasetName").GetString()));
        Assert.All(models, m => Assert.True(m.GetProperty("curves").GetProperty("roc").GetArrayLength() > 2));
        Assert.All(models, m => Assert.True(m.GetProperty("curves").GetProperty("pr").GetArrayLength() > 2));
        Assert.All(models, m => Assert.Equal(JsonValueKind.Null, m.GetProperty("curves").GetProperty("residuals").ValueKind));
        Assert.Empty(comparison.GetProperty("warnings").EnumerateArray());

        var rows = comparison.GetProperty("metrics").EnumerateArray().ToDictionary(r => r.GetProperty("metric").GetString()!);
        Assert.Equal(1, rows["auc"].GetProperty("best").GetInt32());
        Assert.True(rows["auc"].GetProperty("higherIsBetter").GetBoolean());
        Assert.Equal(0, rows["logLoss"].GetProperty("best").GetInt32()); // lower is better for a loss
        Assert.False(rows["logLoss"].GetProperty("higherIsBetter").GetBoolean());
        Assert.Equal(0, rows["accuracy"].GetProperty("best").GetInt32()); // a tie goes to the first
        Assert.Equal([0.8, 0.9], rows["auc"].GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public async Task models_of_different_tasks_targets_and_data_sets_compare_with_a_warning_for_each_difference()
    {
        var (user, userId) = await platform.UserAsync();
        var classifier = await platform.CopyAsync(userId, false);
        var regressor = await platform.CopyAsync(userId, true);

        var comparison = await (await user.Http.GetAsync($"/api/v1/models/compare?ids={classifier},{regressor}")).JsonAsync();

        var warnings = comparison.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("different tasks", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("different targets (diabetes, medv)", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("different data sets", StringComparison.Ordinal));
        var curves = comparison.GetProperty("models")[1].GetProperty("curves");
        Assert.True(curves.GetProperty("residuals").GetArrayLength() > 2);
        Assert.True(curves.GetProperty("predictedVsActual").GetArrayLength() > 2);
        Assert.Equal(JsonValueKind.Null, curves.GetProperty("roc").ValueKind);
        var rmse = comparison.GetProperty("metrics").EnumerateArray().Single(r => r.GetProperty("metric").GetString() == "rmse");
        Assert.Equal(JsonValueKind.Null, rmse.GetProperty("values")[0].ValueKind);
        Assert.Equal(1, rmse.GetProperty("best").GetInt32());
    }

    [Fact]
    public async Task a_comparison_needs_two_to_four_of_your_own_models()
    {
        var (user, userId) = await platform.UserAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await platform.CopyAsync(userId, false));
        }
        var (stranger, strangerId) = await platform.UserAsync();
        var theirs = await platform.CopyAsync(strangerId, false);

        Assert.Contains("two to four", await DetailAsync(user.Http, $"ids={ids[0]}", HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("two to four", await DetailAsync(user.Http, $"ids={ids[0]},{ids[0]}", HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("two to four", await DetailAsync(user.Http, $"ids={string.Join(',', ids)}", HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("two to four", await DetailAsync(user.Http, "", HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("'banana' is not a model id", await DetailAsync(user.Http, $"ids={ids[0]},banana", HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains(theirs.ToString(), await DetailAsync(user.Http, $"ids={ids[0]},{theirs}", HttpStatusCode.NotFound), StringComparison.Ordinal);

        var four = await (await user.Http.GetAsync($"/api/v1/models/compare?ids={string.Join(',', ids.Take(4))}")).JsonAsync();
        Assert.Equal(4, four.GetProperty("models").GetArrayLength());
        await (await stranger.Http.GetAsync($"/api/v1/models/compare?ids={ids[0]},{ids[1]}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_model_shows_its_ensemble_members_with_learner_weight_and_validation_score()
    {
        var (user, userId) = await platform.UserAsync();
        var model = await platform.CopyAsync(userId, false);

        var view = await (await user.Http.GetAsync($"/api/v1/models/{model}")).JsonAsync();

        var ensemble = view.GetProperty("ensemble").EnumerateArray().ToList();
        Assert.NotEmpty(ensemble);
        Assert.Equal(1.0, ensemble.Sum(m => m.GetProperty("weight").GetDouble()), 6);
        Assert.Equal(ensemble.Select(m => m.GetProperty("weight").GetDouble()).OrderDescending(), ensemble.Select(m => m.GetProperty("weight").GetDouble()));
        var board = view.GetProperty("leaderboard").EnumerateArray().ToDictionary(e => e.GetProperty("trial").GetInt32());
        Assert.All(ensemble, m =>
        {
            var entry = board[m.GetProperty("trial").GetInt32()];
            Assert.Equal(entry.GetProperty("learner").GetString(), m.GetProperty("learner").GetString());
            Assert.Equal(entry.GetProperty("score").GetDouble(), m.GetProperty("validationScore").GetDouble());
            Assert.Contains(m.GetProperty("learner").GetString(), new[] { "lightgbm", "fasttree", "fastforest", "linear", "constant" });
        });

        // A leaderboard stored without weights still reads, with no ensemble to show.
        var old = await platform.CopyAsync(userId, false, m => m.LeaderboardJson = """[{"rank":1,"trial":1,"learner":"linear","params":{},"score":0.8,"seconds":1}]""");
        var oldView = await (await user.Http.GetAsync($"/api/v1/models/{old}")).JsonAsync();
        Assert.Empty(oldView.GetProperty("ensemble").EnumerateArray());
    }

    [Fact]
    public async Task the_openapi_document_describes_the_list_filters_and_the_comparison()
    {
        var doc = await (await platform.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var list = doc.GetProperty("paths").GetProperty("/api/v1/models").GetProperty("get");
        var parameters = list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "task", "datasetId", "q", "sort", "order", "pageSize", "cursor" }, parameters.ToHashSet());
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/models/compare", out _));
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("ModelSummary").GetProperty("properties").TryGetProperty("datasetName", out _));
        Assert.True(schemas.GetProperty("ModelView").GetProperty("properties").TryGetProperty("ensemble", out _));
        Assert.True(schemas.GetProperty("ModelComparison").GetProperty("properties").TryGetProperty("warnings", out _));
    }

    private static async Task<string> DetailAsync(HttpClient http, string query, HttpStatusCode status) =>
        (await (await http.GetAsync($"/api/v1/models/compare?{query}")).ProblemAsync(status)).GetProperty("detail").GetString()!;
}
