using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Credits;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Models;

/// <summary>A batch prediction is admitted as a training job is (issue 25): the same 402 rules, the same events.</summary>
public sealed class BatchPredictionAdmissionTests(PredictionPlatformFactory platform) : IClassFixture<PredictionPlatformFactory>
{
    [Fact]
    public async Task a_batch_prediction_is_refused_while_credits_are_owed_in_the_words_a_training_job_is()
    {
        var (user, userId, model) = await platform.UserWithModelAsync();
        var dataset = await user.Http.ReadyDatasetAsync("ml/pima_diabetes.csv");
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            // A refund of 150 credits after 100 were granted: the balance goes to 0 and 50 are owed.
            var clawback = await scope.ServiceProvider.GetRequiredService<CreditLedger>()
                .DebitAsync(userId, 150, CreditEntryKind.Clawback, "Refund of 150 credits", $"test:{userId:N}:refund", allowOwed: true, default);
            Assert.Equal(50, clawback.Owed);
        }

        var batch = await (await user.Http.PostAsJsonAsync($"/api/v1/models/{model}/predictions", new { datasetId = dataset }))
            .ProblemAsync(HttpStatusCode.PaymentRequired);
        var training = await (await user.Http.SubmitAsync(dataset, "diabetes", 10)).ProblemAsync(HttpStatusCode.PaymentRequired);

        Assert.Equal("Not enough credits", batch.GetProperty("title").GetString());
        Assert.Equal("You owe 50 credits from a reversed payment; buy credits to settle it before predicting.", batch.GetProperty("detail").GetString());
        Assert.Equal("You owe 50 credits from a reversed payment; buy credits to settle it before starting new jobs.", training.GetProperty("detail").GetString());
        var credits = await user.Http.CreditsAsync();
        Assert.Equal(0, credits.GetProperty("held").GetInt64());
        Assert.Equal(50, credits.GetProperty("owed").GetInt64());
        Assert.Equal(0, (await (await user.Http.GetAsync("/api/v1/jobs")).JsonAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task a_batch_prediction_tells_the_users_open_pages_the_credits_it_holds()
    {
        var (user, _, model) = await platform.UserWithModelAsync();
        var dataset = await user.Http.ReadyDatasetAsync("ml/pima_diabetes.csv");

        var job = await (await user.Http.PostAsJsonAsync($"/api/v1/models/{model}/predictions", new { datasetId = dataset }))
            .JsonAsync(HttpStatusCode.Accepted);
        var jobId = job.GetProperty("id").GetString()!;
        Assert.Equal(1, job.GetProperty("heldCredits").GetInt64());

        // What a page that opens now hears when it resumes from the start of the user's events.
        var key = await platform.CreateApiKeyAsync(user, scope: "read");
        await using var hub = await EventsHubClient.ConnectAsync(platform, key, resumeAfter: 0);
        bool IsHold(JsonElement e) => e.GetProperty("type").GetString() == "credits.changed"
            && e.GetProperty("data").GetProperty("reason").GetString() == "hold"
            && e.GetProperty("data").GetProperty("jobId").GetString() == jobId;
        Assert.NotNull(await hub.WaitForAsync(IsHold, 20));

        var hold = Assert.Single(hub.Received.Where(IsHold).DistinctBy(e => e.GetProperty("seq").GetInt64())).GetProperty("data");
        Assert.Equal(1, hold.GetProperty("amount").GetInt64());
        Assert.Equal(100, hold.GetProperty("balance").GetInt64());
        Assert.Equal(99, hold.GetProperty("available").GetInt64());
        Assert.Equal(0, hold.GetProperty("owed").GetInt64());
        var queued = (await (await user.Http.GetAsync($"/api/v1/jobs/{jobId}/events")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Single(e => e.GetProperty("type").GetString() == "job.queued").GetProperty("data");
        Assert.Equal("predict", queued.GetProperty("kind").GetString());
        Assert.Equal(job.GetProperty("queue").GetString(), queued.GetProperty("queue").GetString());
    }
}
