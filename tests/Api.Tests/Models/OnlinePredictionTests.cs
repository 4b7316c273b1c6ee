using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Credits;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Models;

public sealed class OnlinePredictionTests(PredictionPlatformFactory platform) : IClassFixture<PredictionPlatformFactory>
{
    [Fact]
    public async Task online_predictions_are_charged_per_row()
    {
        var (user, _, model) = await platform.UserWithModelAsync();

        var two = await (await user.Http.PostAsJsonAsync($"/api/v1/models/{model}/predict", new { rows = PredictionPlatformFactory.Rows(2) })).JsonAsync();
        Assert.Equal(2, two.GetProperty("predictions").GetArrayLength());
        Assert.Equal(1, two.GetProperty("creditsCharged").GetInt64());
        Assert.Equal(99, PredictionPlatformFactory.Balance(await user.Http.CreditsAsync()));

        var full = await (await user.Http.PostAsJsonAsync($"/api/v1/models/{model}/predict",
            new { rows = PredictionPlatformFactory.Rows(1000), explain = false })).JsonAsync();
        Assert.Equal(1000, full.GetProperty("predictions").GetArrayLength());
        Assert.Equal(1, full.GetProperty("creditsCharged").GetInt64());

        var explained = await (await user.Http.PostAsJsonAsync($"/api/v1/models/{model}/predict",
            new { rows = PredictionPlatformFactory.Rows(100), explain = true })).JsonAsync();
        Assert.Equal(1, explained.GetProperty("creditsCharged").GetInt64());

        var credits = await user.Http.CreditsAsync();
        Assert.Equal(97, PredictionPlatformFactory.Balance(credits));
        var charges = (await user.Http.EntriesAsync()).Where(e => e.GetProperty("kind").GetString() == "prediction").ToList();
        Assert.Equal(3, charges.Count);
        Assert.All(charges, c => Assert.Equal(-1, c.GetProperty("amount").GetInt64()));

        // Another user's model: a 404 that costs nothing.
        var (stranger, _, _) = await platform.UserWithModelAsync();
        await (await stranger.Http.PostAsJsonAsync($"/api/v1/models/{model}/predict", new { rows = PredictionPlatformFactory.Rows(1) })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(100, PredictionPlatformFactory.Balance(await stranger.Http.CreditsAsync()));

        // The price is part of the documented answer.
        var openApi = await (await platform.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var response = openApi.GetProperty("components").GetProperty("schemas").GetProperty("PredictResponse");
        Assert.True(response.GetProperty("properties").TryGetProperty("creditsCharged", out _), response.GetRawText());
    }

    [Fact]
    public async Task a_retried_prediction_with_the_same_idempotency_key_is_charged_once()
    {
        var (user, _, model) = await platform.UserWithModelAsync();
        var rows = PredictionPlatformFactory.Rows(3);

        var first = await SendAsync(user.Http, model, rows, "retry-me");
        var firstBody = await first.JsonAsync();
        var second = await SendAsync(user.Http, model, rows, "retry-me");
        var secondBody = await second.JsonAsync();

        Assert.Equal(firstBody.GetProperty("predictions").GetRawText(), secondBody.GetProperty("predictions").GetRawText());
        Assert.Equal(1, secondBody.GetProperty("creditsCharged").GetInt64());
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(99, PredictionPlatformFactory.Balance(await user.Http.CreditsAsync()));

        // The key cannot buy a different prediction for free.
        var other = await SendAsync(user.Http, model, PredictionPlatformFactory.Rows(4), "retry-me");
        var problem = await other.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Without a key, every request is a new one.
        await (await SendAsync(user.Http, model, rows, null)).JsonAsync();
        await (await SendAsync(user.Http, model, rows, null)).JsonAsync();
        Assert.Equal(97, PredictionPlatformFactory.Balance(await user.Http.CreditsAsync()));
        Assert.Equal(3, (await user.Http.EntriesAsync()).Count(e => e.GetProperty("kind").GetString() == "prediction"));
    }

    [Fact]
    public async Task an_account_without_credits_cannot_predict()
    {
        var (user, userId, model) = await platform.UserWithModelAsync();
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var spent = await scope.ServiceProvider.GetRequiredService<CreditLedger>()
                .DebitAsync(userId, 100, CreditEntryKind.Clawback, "spent elsewhere", $"test:{userId:N}:drain", false, default);
            Assert.True(spent.Applied);
        }

        var response = await user.Http.PostAsJsonAsync($"/api/v1/models/{model}/predict", new { rows = PredictionPlatformFactory.Rows(1), explain = true });

        var problem = await response.ProblemAsync(HttpStatusCode.PaymentRequired);
        Assert.Equal("Not enough credits", problem.GetProperty("title").GetString());
        Assert.Contains("0 available", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, PredictionPlatformFactory.Balance(await user.Http.CreditsAsync()));
        Assert.DoesNotContain(await user.Http.EntriesAsync(), e => e.GetProperty("kind").GetString() == "prediction");
    }

    [Fact]
    public async Task explaining_more_than_100_rows_is_refused()
    {
        var (user, _, model) = await platform.UserWithModelAsync();

        var response = await user.Http.PostAsJsonAsync($"/api/v1/models/{model}/predict", new { rows = PredictionPlatformFactory.Rows(101), explain = true });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("at most 100 rows", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(100, PredictionPlatformFactory.Balance(await user.Http.CreditsAsync()));
        await (await user.Http.PostAsJsonAsync($"/api/v1/models/{model}/predict", new { rows = PredictionPlatformFactory.Rows(101) })).JsonAsync();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, Guid model, object rows, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/models/{model}/predict") { Content = JsonContent.Create(new { rows }) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return http.SendAsync(request);
    }
}
