using AutoMl.Domain.Accounts;
using AutoMl.Domain.Pricing;
using AutoMl.Domain.Queues;
using AutoMl.Domain.Registry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AutoMl.Api.Jobs;

internal static class PricingEndpoints
{
    public static void MapPricingEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/pricing", Get).WithTags("Jobs");

    private static Ok<IReadOnlyList<PricingView>> Get() =>
        TypedResults.Ok<IReadOnlyList<PricingView>>(Enum.GetValues<Tier>().Select(t =>
        {
            var plan = TierPlan.For(t);
            var logging = PredictionLogPlan.For(t);
            return new PricingView(t.ToString().ToLowerInvariant(), Pricing.PerMinute(t), Pricing.CreditsPerThousandPredictions,
                plan.MaxBudgetSeconds, plan.ConcurrentJobs, plan.Queue.Name(),
                "credits = ceil(budget minutes × credits per minute × (1 + max(0, log10(rows × columns / 100,000)))); a job is charged for the share of its budget it used, at least 1 credit",
                logging.DailyCap, PredictionLogPlan.SampleEvery, logging.RetentionDays);
        }).ToList());
}
