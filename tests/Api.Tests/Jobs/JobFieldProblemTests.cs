using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Jobs;

/// <summary>A rejected job or quote names the field it is about, so the training form can show the sentence next to it.</summary>
public sealed class JobFieldProblemTests(QueuedOnlyPlatformFactory platform) : IClassFixture<QueuedOnlyPlatformFactory>
{
    [Fact]
    public async Task rejections_about_one_field_carry_the_sentence_under_that_field()
    {
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.ReadyDatasetAsync();

        var unknownTarget = await (await user.Http.PostAsJsonAsync("/api/v1/jobs/quote", new { datasetId = dataset, target = "wingspan", budgetSeconds = 60 }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("wingspan", Field(unknownTarget, "target"), StringComparison.Ordinal);
        Assert.Equal(unknownTarget.GetProperty("detail").GetString(), Field(unknownTarget, "target"));

        // The free tier trains for at most 300 s.
        var tooLong = await (await user.Http.SubmitAsync(dataset, "species", 301)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("300 seconds", Field(tooLong, "budgetSeconds"), StringComparison.Ordinal);

        var badMetric = await (await user.Http.PostAsJsonAsync("/api/v1/jobs/quote", new { datasetId = dataset, target = "species", task = "multiclass", metric = "rmse", budgetSeconds = 60 }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("accuracy", Field(badMetric, "metric"), StringComparison.Ordinal);

        var excluded = await (await user.Http.PostAsJsonAsync("/api/v1/jobs", new { datasetId = dataset, target = "species", budgetSeconds = 60, excludedColumns = new[] { "species" } }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(Field(excluded, "excludedColumns"));

        // A rejection about the whole request (here: someone else's or no data set) names no field.
        var missing = await (await user.Http.PostAsJsonAsync("/api/v1/jobs/quote", new { datasetId = Guid.NewGuid(), target = "species", budgetSeconds = 60 }))
            .ProblemAsync(HttpStatusCode.NotFound);
        Assert.False(missing.TryGetProperty("errors", out _));
        Assert.Equal(0, (await user.Http.CreditsAsync()).GetProperty("held").GetInt64());
    }

    private static string Field(JsonElement problem, string field)
    {
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToList();
        return Assert.Single(messages);
    }
}
