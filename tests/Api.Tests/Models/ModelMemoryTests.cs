using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Credits;
using AutoMl.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Models;

/// <summary>
/// Issue 31: an instance remembers the model of an online prediction (owner, bundle, threshold) instead of reading it
/// from Postgres on every request. A threshold set or a model deleted on one instance must hold at another that
/// remembers the model as soon as Redis has delivered the announcement (the sibling would otherwise believe its memory for
/// an hour), and an account that cannot pay gets its 402 whether or not the funds were read before the work.
/// </summary>
public sealed class ModelMemoryTests(PredictionPlatformFactory platform) : IClassFixture<PredictionPlatformFactory>
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task a_threshold_set_on_one_instance_labels_the_predictions_of_another_once_announced()
    {
        var (user, _, model) = await platform.UserWithModelAsync();
        await using var sibling = platform.Sibling();
        using var elsewhere = sibling.WithKey(await platform.CreateApiKeyAsync(user));
        var rows = PredictionPlatformFactory.Rows(40);
        var before = await LabelsAsync(elsewhere, model, rows);
        Assert.Equal(before, await LabelsAsync(elsewhere, model, rows));

        // Nearly every row is positive at 0.01: the labels change wherever the default put a row below 0.5.
        await (await user.Http.PutAsJsonAsync($"/api/v1/models/{model}/threshold", new { threshold = 0.01 })).JsonAsync();
        var here = await LabelsAsync(user.Http, model, rows);
        Assert.NotEqual(before, here);

        await Eventually.ReadAsync(() => LabelsAsync(elsewhere, model, rows), labels => labels == here,
            "the other instance's labels at the new threshold", Delivery);

        await (await user.Http.DeleteAsync($"/api/v1/models/{model}/threshold")).JsonAsync();
        await Eventually.ReadAsync(() => LabelsAsync(elsewhere, model, rows), labels => labels == before,
            "the other instance's labels at the default threshold again", Delivery);
    }

    [Fact]
    public async Task a_model_deleted_on_one_instance_is_not_found_at_another_once_announced()
    {
        var (user, _, model) = await platform.UserWithModelAsync(ownBundle: true);
        await using var sibling = platform.Sibling();
        using var elsewhere = sibling.WithKey(await platform.CreateApiKeyAsync(user));
        await LabelsAsync(elsewhere, model, PredictionPlatformFactory.Rows(1));

        await (await user.Http.DeleteAsync($"/api/v1/models/{model}")).EnsureStatusAsync(HttpStatusCode.NoContent);

        var gone = await Eventually.ReadAsync(() => PredictAsync(elsewhere, model, PredictionPlatformFactory.Rows(1)),
            r => r.StatusCode == HttpStatusCode.NotFound, "a 404 from the other instance", Delivery);
        await gone.ProblemAsync(HttpStatusCode.NotFound);
        // Whatever the other instance answered before it heard, nothing after the 404 is charged.
        var afterDelete = await PredictionChargesAsync(user.Http);
        await (await PredictAsync(elsewhere, model, PredictionPlatformFactory.Rows(1))).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(afterDelete, await PredictionChargesAsync(user.Http));
    }

    [Fact]
    public async Task an_account_that_cannot_pay_gets_a_402_for_a_one_row_prediction_of_a_remembered_model()
    {
        var (user, userId, model) = await platform.UserWithModelAsync();
        // Remembered by this instance, so the next one-row request goes straight to its charge.
        await LabelsAsync(user.Http, model, PredictionPlatformFactory.Rows(1));
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var spent = await scope.ServiceProvider.GetRequiredService<CreditLedger>()
                .DebitAsync(userId, 99, CreditEntryKind.Clawback, "spent elsewhere", $"test:{userId:N}:drain", false, default);
            Assert.True(spent.Applied);
        }

        var problem = await (await PredictAsync(user.Http, model, PredictionPlatformFactory.Rows(1))).ProblemAsync(HttpStatusCode.PaymentRequired);

        Assert.Equal("Not enough credits", problem.GetProperty("title").GetString());
        Assert.Contains("0 available", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(problem.TryGetProperty("predictions", out _));
        Assert.Equal(0, PredictionPlatformFactory.Balance(await user.Http.CreditsAsync()));
        Assert.Equal(1, await PredictionChargesAsync(user.Http));
    }

    [Fact]
    public async Task an_instance_that_starts_after_a_model_was_predicted_has_it_loaded_before_it_answers()
    {
        var (user, _, predicted) = await platform.UserWithModelAsync(ownBundle: true);
        var (_, _, idle) = await platform.UserWithModelAsync(ownBundle: true);
        await LabelsAsync(user.Http, predicted, PredictionPlatformFactory.Rows(1));

        // Only the models predicted lately: the newest would include both.
        await using var started = platform.Sibling(new Dictionary<string, string> { ["AutoMl:ModelWarmup:NewestOnStart"] = "0" });
        var cache = started.Services.GetRequiredService<AutoMl.Api.Models.ModelCache>();

        Assert.True(cache.IsLoaded(predicted), "the model predicted before the instance started is not loaded as it starts");
        Assert.False(cache.IsLoaded(idle), "a model nobody predicted was loaded as the instance started");
        using var elsewhere = started.WithKey(await platform.CreateApiKeyAsync(user));
        Assert.Equal(await LabelsAsync(user.Http, predicted, PredictionPlatformFactory.Rows(3)), await LabelsAsync(elsewhere, predicted, PredictionPlatformFactory.Rows(3)));
    }

    private static Task<HttpResponseMessage> PredictAsync(HttpClient http, Guid model, object rows) =>
        http.PostAsJsonAsync($"/api/v1/models/{model}/predict", new { rows });

    private static async Task<string> LabelsAsync(HttpClient http, Guid model, object rows)
    {
        var answer = await (await PredictAsync(http, model, rows)).JsonAsync();
        return string.Join(",", answer.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("label").ToString()));
    }

    private static async Task<int> PredictionChargesAsync(HttpClient http) =>
        (await http.EntriesAsync()).Count(e => e.GetProperty("kind").GetString() == "prediction");
}
