using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Pricing;
using AutoMl.Ml.Metrics;
using AutoMl.Ml.Schema;
using AutoMl.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Models;

/// <summary>A model evaluated on its owner's labelled data (issue 29): the scorer's numbers, priced once, refunded on failure, owner only.</summary>
public sealed class ModelEvaluationTests(PredictionPlatformFactory platform) : IClassFixture<PredictionPlatformFactory>
{
    private static readonly string[] Lines = File.ReadAllLines(AutoMl.Testing.TestData.Path("ml/pima_diabetes.csv"));

    [Fact]
    public async Task an_evaluation_reports_what_the_scorer_computes_from_the_models_own_predictions_at_its_threshold_and_is_charged_once()
    {
        var (user, _, model) = await platform.UserWithModelAsync(ownBundle: true);
        var http = user.Http;
        // The last 169 rows, one with a class the model never saw and one without a label: both counted, neither scored.
        var held = Lines.Skip(600).ToList();
        var csv = string.Join('\n', Lines.Take(1).Concat(held)
            .Append("2,120,70,30,,30.1,0.4,33,\"maybe\"").Append("3,110,72,28,,29.0,0.5,40,")) + "\n";
        var dataset = await UploadAsync(http, csv, "holdout.csv");
        var chosen = await (await http.PutAsJsonAsync($"/api/v1/models/{model}/threshold", new { threshold = 0.35 })).JsonAsync();
        Assert.Equal(0.35, chosen.GetProperty("threshold").GetProperty("value").GetDouble());
        var view = await (await http.GetAsync($"/api/v1/models/{model}")).JsonAsync();
        var positive = view.GetProperty("classes")[1].GetString()!;

        // The expectation, from the model's own online predictions of the same rows.
        var rows = held.Select(Row).ToList();
        var predicted = (await (await http.PostAsJsonAsync($"/api/v1/models/{model}/predict", new { rows })).JsonAsync())
            .GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("probabilities").GetProperty(positive).GetDouble()).ToArray();
        var y = held.Select(l => l.Split(',')[^1].Trim('"') == positive ? 1.0 : 0.0).ToArray();
        var expected = Scoring.All(TaskKind.Binary, y, predicted, null, 0.35);
        var before = await http.CreditsAsync();

        var quote = await (await http.PostAsJsonAsync($"/api/v1/models/{model}/evaluations/quote", new { datasetId = dataset })).JsonAsync();
        Assert.Equal(171, quote.GetProperty("rows").GetInt64());
        Assert.Equal(Pricing.Prediction(171), quote.GetProperty("credits").GetInt64());
        var submitted = await (await http.PostAsJsonAsync($"/api/v1/models/{model}/evaluations", new { datasetId = dataset })).JsonAsync(HttpStatusCode.Accepted);
        var evaluationId = submitted.GetProperty("evaluation").GetProperty("id").GetString()!;
        Assert.Equal("queued", submitted.GetProperty("evaluation").GetProperty("status").GetString());
        Assert.Equal("evaluate", submitted.GetProperty("job").GetProperty("kind").GetString());
        Assert.Equal(quote.GetProperty("credits").GetInt64(), submitted.GetProperty("job").GetProperty("heldCredits").GetInt64());

        var done = await EvaluationUntilEndedAsync(http, model, evaluationId);

        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.Equal(169, done.GetProperty("rows").GetInt64());
        Assert.Equal(2, done.GetProperty("skippedRows").GetInt64());
        Assert.Equal(["maybe"], done.GetProperty("unseenLabels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(0.35, done.GetProperty("threshold").GetDouble());
        var metrics = done.GetProperty("metrics");
        foreach (var (name, value) in expected)
        {
            Assert.True(Math.Abs(value - metrics.GetProperty(name).GetDouble()) < 1e-6, $"{name}: expected {value}, evaluated {metrics.GetProperty(name)}");
        }
        var confusion = done.GetProperty("curves").GetProperty("confusion").GetProperty("counts");
        var truePositives = Enumerable.Range(0, y.Length).Count(i => y[i] == 1 && predicted[i] >= 0.35);
        Assert.Equal(truePositives, confusion[1][1].GetInt64());
        Assert.True(done.GetProperty("curves").GetProperty("roc").GetArrayLength() > 2);
        var auc = done.GetProperty("comparison").EnumerateArray().Single(r => r.GetProperty("metric").GetString() == "auc");
        Assert.Equal(view.GetProperty("metrics").GetProperty("auc").GetDouble(), auc.GetProperty("validation").GetDouble());
        Assert.Equal(auc.GetProperty("evaluation").GetDouble() - auc.GetProperty("validation").GetDouble(), auc.GetProperty("difference").GetDouble(), 12);
        // F1 depends on the threshold: validation's is read at the same 0.35, as the threshold panel shows it.
        var f1 = done.GetProperty("comparison").EnumerateArray().Single(r => r.GetProperty("metric").GetString() == "f1");
        Assert.Equal(chosen.GetProperty("threshold").GetProperty("f1").GetDouble(), f1.GetProperty("validation").GetDouble());

        // Held at submit, captured once at the end: the balance fell by the price, nothing is still held.
        var after = await http.CreditsAsync();
        Assert.Equal(PredictionPlatformFactory.Balance(before) - Pricing.Prediction(171), PredictionPlatformFactory.Balance(after));
        Assert.Equal(0, after.GetProperty("held").GetInt64());
        var job = await http.JobAsync(submitted.GetProperty("job").GetProperty("id").GetString()!);
        Assert.Equal(Pricing.Prediction(171), job.GetProperty("chargedCredits").GetInt64());

        // Listed newest first, without curves; still readable once its data set is deleted; gone with its model.
        var list = await (await http.GetAsync($"/api/v1/models/{model}/evaluations")).JsonAsync();
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(evaluationId, item.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("curves").ValueKind);
        Assert.Equal("holdout.csv", item.GetProperty("datasetName").GetString());
        (await http.DeleteAsync($"/api/v1/datasets/{dataset}")).EnsureSuccessStatusCode();
        var orphan = await (await http.GetAsync($"/api/v1/models/{model}/evaluations/{evaluationId}")).JsonAsync();
        Assert.Equal(JsonValueKind.Null, orphan.GetProperty("datasetName").ValueKind);
        Assert.Equal(metrics.GetProperty("auc").GetDouble(), orphan.GetProperty("metrics").GetProperty("auc").GetDouble());
        (await http.DeleteAsync($"/api/v1/models/{model}")).EnsureSuccessStatusCode();
        await (await http.GetAsync($"/api/v1/models/{model}/evaluations/{evaluationId}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_data_set_without_the_models_columns_is_a_422_naming_them_that_the_quote_foretells_and_holds_nothing()
    {
        var (user, _, model) = await platform.UserWithModelAsync();
        var header = Lines[0].Split(',');
        var kept = Enumerable.Range(0, header.Length).Where(i => header[i] is not ("\"glucose\"" or "\"diabetes\"")).ToArray();
        var csv = string.Join('\n', Lines.Take(200).Select(l => string.Join(',', kept.Select(i => l.Split(',')[i])))) + "\n";
        var dataset = await UploadAsync(user.Http, csv, "unlabelled.csv");

        var problem = await (await user.Http.PostAsJsonAsync($"/api/v1/models/{model}/evaluations", new { datasetId = dataset }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var quote = await (await user.Http.PostAsJsonAsync($"/api/v1/models/{model}/evaluations/quote", new { datasetId = dataset })).JsonAsync();

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("'glucose'", detail, StringComparison.Ordinal);
        Assert.Contains("'diabetes'", detail, StringComparison.Ordinal);
        Assert.Contains("the target", detail, StringComparison.Ordinal);
        Assert.Equal(detail, quote.GetProperty("problem").GetString());
        Assert.Equal(["diabetes", "glucose"], quote.GetProperty("missingColumns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(0, (await user.Http.CreditsAsync()).GetProperty("held").GetInt64());
        Assert.Equal(0, (await (await user.Http.GetAsync($"/api/v1/models/{model}/evaluations")).JsonAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task another_users_model_data_set_and_evaluation_are_404_and_a_repeated_key_evaluates_and_charges_once()
    {
        var (owner, _, model) = await platform.UserWithModelAsync();
        var (stranger, _, strangersModel) = await platform.UserWithModelAsync();
        var ownDataset = await UploadAsync(owner.Http, string.Join('\n', Lines.Take(50)) + "\n", "mine.csv");
        var strangersDataset = await UploadAsync(stranger.Http, string.Join('\n', Lines.Take(50)) + "\n", "theirs.csv");

        await (await stranger.Http.PostAsJsonAsync($"/api/v1/models/{model}/evaluations", new { datasetId = strangersDataset })).ProblemAsync(HttpStatusCode.NotFound);
        await (await owner.Http.PostAsJsonAsync($"/api/v1/models/{model}/evaluations", new { datasetId = strangersDataset })).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Http.GetAsync($"/api/v1/models/{model}/evaluations")).ProblemAsync(HttpStatusCode.NotFound);

        HttpRequestMessage Keyed() => new(HttpMethod.Post, $"/api/v1/models/{model}/evaluations")
        {
            Content = JsonContent.Create(new { datasetId = ownDataset }),
            Headers = { { "Idempotency-Key", "evaluate-once" } },
        };
        var first = await (await owner.Http.SendAsync(Keyed())).JsonAsync(HttpStatusCode.Accepted);
        var again = await (await owner.Http.SendAsync(Keyed())).JsonAsync(HttpStatusCode.Accepted);
        var id = first.GetProperty("evaluation").GetProperty("id").GetString()!;
        Assert.Equal(id, again.GetProperty("evaluation").GetProperty("id").GetString());
        // The key cannot be spent again on another kind of job: a batch prediction sent with it is refused, not answered
        // with the evaluation's job.
        var reused = await owner.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/models/{model}/predictions")
        {
            Content = JsonContent.Create(new { datasetId = ownDataset }),
            Headers = { { "Idempotency-Key", "evaluate-once" } },
        });
        var refused = await reused.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("already used for another request (an evaluation of model", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await stranger.Http.GetAsync($"/api/v1/models/{model}/evaluations/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Http.GetAsync($"/api/v1/models/{strangersModel}/evaluations/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("succeeded", (await EvaluationUntilEndedAsync(owner.Http, model, id)).GetProperty("status").GetString());
        var entries = await owner.Http.EntriesAsync();
        Assert.Single(entries, e => e.GetProperty("kind").GetString() == "capture"
            && e.GetProperty("reference").GetString()!.StartsWith("Evaluation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task an_evaluation_that_cannot_score_a_row_fails_with_a_reason_and_is_refunded()
    {
        var (user, _, model) = await platform.UserWithModelAsync();
        // Every label is one the model never saw: there is nothing to judge it on.
        var csv = string.Join('\n', Lines.Take(1).Concat(Lines.Skip(1).Take(60).Select(l => l[..l.LastIndexOf(',')] + ",\"unknown\""))) + "\n";
        var dataset = await UploadAsync(user.Http, csv, "unknown-labels.csv");
        var before = await user.Http.CreditsAsync();

        var submitted = await (await user.Http.PostAsJsonAsync($"/api/v1/models/{model}/evaluations", new { datasetId = dataset })).JsonAsync(HttpStatusCode.Accepted);
        var done = await EvaluationUntilEndedAsync(user.Http, model, submitted.GetProperty("evaluation").GetProperty("id").GetString()!);

        Assert.Equal("failed", done.GetProperty("status").GetString());
        Assert.Contains("diabetes", done.GetProperty("error").GetString()!, StringComparison.Ordinal);
        Assert.Equal(0, done.GetProperty("chargedCredits").GetInt64());
        var after = await user.Http.CreditsAsync();
        Assert.Equal(PredictionPlatformFactory.Balance(before), PredictionPlatformFactory.Balance(after));
        Assert.Equal(0, after.GetProperty("held").GetInt64());
    }

    [Fact]
    public async Task a_regression_model_is_evaluated_with_its_residuals_the_scorers_rmse_and_no_threshold()
    {
        var lines = File.ReadAllLines(AutoMl.Testing.TestData.Path("ml/boston.csv"));
        var user = await platform.SignUpAsync();
        var http = user.Http;
        var training = await UploadAsync(http, string.Join('\n', lines.Take(401)) + "\n", "boston-train.csv");
        var trained = await (await http.SubmitAsync(training, "medv", 10)).JsonAsync(HttpStatusCode.Accepted);
        var job = await http.JobUntilAsync(trained.GetProperty("id").GetString()!, j => j.Ended(), 120);
        Assert.Equal("succeeded", job.Status());
        var model = Guid.Parse(job.GetProperty("modelId").GetString()!);
        var held = lines.Skip(401).ToList();
        var dataset = await UploadAsync(http, string.Join('\n', lines.Take(1).Concat(held)) + "\n", "boston-held-out.csv");
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToArray();
        var rows = held.Select(l => l.Split(',')).Select(cells => Enumerable.Range(0, header.Length - 1).ToDictionary(i => header[i],
            i => cells[i].StartsWith('"') ? (object?)cells[i].Trim('"') : double.Parse(cells[i], CultureInfo.InvariantCulture))).ToList();
        var predicted = (await (await http.PostAsJsonAsync($"/api/v1/models/{model}/predict", new { rows })).JsonAsync())
            .GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()).ToArray();
        var y = held.Select(l => double.Parse(l.Split(',')[^1], CultureInfo.InvariantCulture)).ToArray();
        var expected = Scoring.All(TaskKind.Regression, y, predicted);

        var submitted = await (await http.PostAsJsonAsync($"/api/v1/models/{model}/evaluations", new { datasetId = dataset })).JsonAsync(HttpStatusCode.Accepted);
        var done = await EvaluationUntilEndedAsync(http, model, submitted.GetProperty("evaluation").GetProperty("id").GetString()!);

        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.Equal(held.Count, done.GetProperty("rows").GetInt64());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("threshold").ValueKind);
        foreach (var (name, value) in expected)
        {
            Assert.True(Math.Abs(value - done.GetProperty("metrics").GetProperty(name).GetDouble()) < 1e-4, $"{name}: expected {value}, evaluated {done.GetProperty("metrics").GetProperty(name)}");
        }
        Assert.Equal(held.Count, done.GetProperty("curves").GetProperty("residuals").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("curves").GetProperty("roc").ValueKind);
        var rmse = done.GetProperty("comparison").EnumerateArray().Single(r => r.GetProperty("metric").GetString() == "rmse");
        Assert.False(rmse.GetProperty("higherIsBetter").GetBoolean());
    }

    private static async Task<string> UploadAsync(HttpClient http, string csv, string name)
    {
        var id = await http.UploadAsync(Encoding.UTF8.GetBytes(csv), name);
        Assert.Equal("ready", (await http.SettledAsync(id)).GetProperty("status").GetString());
        return id;
    }

    private static Task<JsonElement> EvaluationUntilEndedAsync(HttpClient http, Guid model, string id) =>
        Eventually.ReadAsync(async () => await (await http.GetAsync($"/api/v1/models/{model}/evaluations/{id}")).JsonAsync(),
            e => e.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled", "the evaluation to end", TimeSpan.FromSeconds(90));

    /// <summary>A pima line as a client sends it: numbers, and null for an empty cell; the label left out.</summary>
    private static Dictionary<string, object?> Row(string line)
    {
        var header = Lines[0].Split(',').Select(h => h.Trim('"')).ToArray();
        var cells = line.Split(',');
        return Enumerable.Range(0, header.Length - 1).ToDictionary(i => header[i],
            i => cells[i].Length == 0 ? null : (object?)double.Parse(cells[i], CultureInfo.InvariantCulture));
    }
}
