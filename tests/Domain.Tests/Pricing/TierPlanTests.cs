using AutoMl.Domain.Accounts;
using AutoMl.Domain.Jobs;
using AutoMl.Domain.Pricing;
using AutoMl.Domain.Queues;

namespace AutoMl.Domain.Tests.Pricing;

public class TierPlanTests
{
    [Theory]
    [InlineData(Tier.Free, 1, 5 * 60)]
    [InlineData(Tier.Pro, 4, 60 * 60)]
    [InlineData(Tier.Enterprise, 16, 6 * 60 * 60)]
    public void each_tier_has_its_concurrency_and_longest_budget(Tier tier, int concurrent, int maxBudgetSeconds)
    {
        var plan = TierPlan.For(tier);
        Assert.Equal((tier, concurrent, maxBudgetSeconds), (plan.Tier, plan.ConcurrentJobs, plan.MaxBudgetSeconds));
    }

    [Fact]
    public void an_unknown_tier_has_no_plan()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TierPlan.For((Tier)99));
    }

    [Theory]
    [InlineData(Tier.Free, JobKind.Train, QueueName.Normal)]
    [InlineData(Tier.Free, JobKind.Predict, QueueName.Low)]
    [InlineData(Tier.Pro, JobKind.Train, QueueName.High)]
    [InlineData(Tier.Pro, JobKind.Predict, QueueName.High)]
    [InlineData(Tier.Enterprise, JobKind.Train, QueueName.High)]
    [InlineData(Tier.Enterprise, JobKind.Predict, QueueName.High)]
    public void paid_tiers_wait_on_the_high_queue_and_the_free_tier_trains_on_normal_and_predicts_on_low(Tier tier, JobKind kind, QueueName queue)
    {
        Assert.Equal(queue, JobQueues.For(tier, kind));
    }

    [Theory]
    [InlineData(Tier.Free)]
    [InlineData(Tier.Pro)]
    [InlineData(Tier.Enterprise)]
    public void a_plans_queue_is_where_its_training_waits(Tier tier)
    {
        Assert.Equal(JobQueues.For(tier, JobKind.Train), TierPlan.For(tier).Queue);
    }

    [Fact]
    public void upkeep_never_takes_a_users_queue_from_a_paid_tier()
    {
        Assert.Equal(QueueName.Low, JobQueues.Upkeep);
        Assert.Equal(["high", "normal", "low"], QueueNames.All);
        Assert.Equal(["high", "normal", "low"], Enum.GetValues<QueueName>().Select(q => q.Name()));
    }
}
