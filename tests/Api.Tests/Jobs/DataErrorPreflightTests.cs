using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Jobs;

/// <summary>
/// A data mistake is answered before the user pays: the quote and the submission both say 422 with a sentence naming
/// the column and a code, and nothing was held, charged, written to the ledger or queued.
/// </summary>
public sealed class DataErrorPreflightTests(QueuedOnlyPlatformFactory platform) : IClassFixture<QueuedOnlyPlatformFactory>
{
    [Theory]
    [InlineData("errors/single_value.csv", "label", null, "target-single-value", "same value")]
    [InlineData("errors/few_labels.csv", "label", null, "too-few-labelled-rows", "Only 15 rows")]
    [InlineData("errors/many_classes.csv", "part", null, "too-many-classes", "110 different values")]
    [InlineData("errors/rare_class.csv", "label", null, "class-too-small", "'rare' has only 1 row")]
    [InlineData("ml/penguins.csv", "species", "regression", "regression-needs-numeric-target", "'species'")]
    [InlineData("ml/penguins.csv", "species", "binary", "binary-needs-two-classes", "3 different values")]
    [InlineData("ml/penguins.csv", "wingspan", null, "target-not-found", "'wingspan'")]
    [InlineData("errors/ids_only.csv", "customer_id", null, "target-looks-like-identifier", "like an id or a row number")]
    public async Task a_data_mistake_is_refused_before_any_credit_is_held(string file, string target, string? task, string code, string sentence)
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.ReadyDatasetAsync(file);
        var request = new { datasetId = dataset, target, task, budgetSeconds = 60 };

        var quoted = await Refused(await user.Http.PostAsJsonAsync("/api/v1/jobs/quote", request), code, sentence);
        var submitted = await Refused(await user.Http.PostAsJsonAsync("/api/v1/jobs", request), code, sentence);
        // Forcing is for warnings: it does not get past a mistake that stops training.
        await Refused(await user.Http.PostAsJsonAsync("/api/v1/jobs", new { datasetId = dataset, target, task, budgetSeconds = 60, force = true }), code, sentence);

        Assert.Equal(quoted.GetProperty("detail").GetString(), submitted.GetProperty("detail").GetString());
        Assert.False(submitted.GetProperty("overridable").GetBoolean());
        await NothingHeldAsync(user.Http);
    }

    [Fact]
    public async Task the_target_cannot_also_be_excluded()
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.ReadyDatasetAsync();
        var response = await user.Http.PostAsJsonAsync("/api/v1/jobs", new { datasetId = dataset, target = "species", budgetSeconds = 60, excludedColumns = new[] { "species" } });
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("target-excluded", problem.GetProperty("code").GetString());
        await NothingHeldAsync(user.Http);
    }

    [Theory]
    [InlineData("errors/row_number.csv", "order_no", "target-looks-like-identifier")]
    [InlineData("errors/free_text.csv", "review", "target-looks-like-free-text")]
    public async Task a_warning_is_refused_until_the_user_trains_anyway(string file, string target, string code)
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.ReadyDatasetAsync(file);

        var quote = await Refused(await user.Http.PostAsJsonAsync("/api/v1/jobs/quote", new { datasetId = dataset, target, budgetSeconds = 60 }), code, $"'{target}'");
        var submit = await Refused(await user.Http.SubmitAsync(dataset, target, 60), code, $"'{target}'");
        Assert.True(quote.GetProperty("overridable").GetBoolean());
        Assert.True(submit.GetProperty("overridable").GetBoolean());
        await NothingHeldAsync(user.Http);

        var forced = new { datasetId = dataset, target, budgetSeconds = 60, force = true };
        var price = await (await user.Http.PostAsJsonAsync("/api/v1/jobs/quote", forced)).JsonAsync();
        var job = await (await user.Http.PostAsJsonAsync("/api/v1/jobs", forced)).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(price.GetProperty("credits").GetInt64(), job.GetProperty("heldCredits").GetInt64());
        Assert.Equal(price.GetProperty("credits").GetInt64(), (await user.Http.CreditsAsync()).GetProperty("held").GetInt64());
    }

    private static async Task<JsonElement> Refused(HttpResponseMessage response, string code, string sentence)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(sentence, detail, StringComparison.Ordinal);
        // The training form shows the sentence under the target.
        Assert.Equal(detail, problem.GetProperty("errors").GetProperty("target")[0].GetString());
        return problem;
    }

    private static async Task NothingHeldAsync(HttpClient http)
    {
        var credits = await http.CreditsAsync();
        Assert.Equal((100L, 0L), (credits.GetProperty("balance").GetInt64(), credits.GetProperty("held").GetInt64()));
        Assert.DoesNotContain(await http.EntriesAsync(), e => e.GetProperty("heldChange").GetInt64() != 0);
        var jobs = await (await http.GetAsync("/api/v1/jobs")).JsonAsync();
        Assert.Equal(0, jobs.GetProperty("items").GetArrayLength());
    }
}
