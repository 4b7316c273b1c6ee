using AutoMl.Domain.Workflows;

namespace AutoMl.Domain.Tests.Workflows;

public sealed class PromotionRuleTests
{
    [Fact]
    public void a_gain_past_the_margin_with_a_lower_bound_above_zero_and_guardrails_held_is_better()
    {
        var verdict = PromotionRule.Judge([], new MetricGain("auc", 0.91, 0.88, 0.03, 0.012, 0.05),
            [new GuardrailCheck("recall", 0.70, 0.72, 0.02, 0.05)], 0.005);
        Assert.True(verdict.Better);
    }

    [Theory]
    [InlineData(0.004, 0.001, "less than the margin")]
    [InlineData(0.02, -0.001, "not certain")]
    public void a_small_or_uncertain_gain_is_not_better_and_says_why(double gain, double lower, string why)
    {
        var verdict = PromotionRule.Judge([], new MetricGain("auc", 0.9, 0.9 - gain, gain, lower, 0.05), [], 0.005);
        Assert.False(verdict.Better);
        Assert.Contains(verdict.Reasons, r => r.Contains(why, StringComparison.Ordinal));
    }

    [Fact]
    public void a_guardrail_that_drops_past_its_tolerance_or_a_schema_problem_blocks_promotion()
    {
        var gain = new MetricGain("auc", 0.95, 0.90, 0.05, 0.03, 0.07);
        var guarded = PromotionRule.Judge([], gain, [new GuardrailCheck("recall", 0.60, 0.72, 0.12, 0.05)], 0.005);
        Assert.False(guarded.Better);
        Assert.Contains(guarded.Reasons, r => r.Contains("guardrail recall drops by 0.12", StringComparison.Ordinal));

        var changed = PromotionRule.Judge(["The task changed from binary to multiclass."], gain, [], 0.005);
        Assert.False(changed.Better);
        Assert.Equal("The task changed from binary to multiclass.", changed.Reasons[0]);
    }

    [Fact]
    public void with_no_model_in_production_the_first_candidate_is_better()
    {
        Assert.True(PromotionRule.Judge([], null, [], 0.005).Better);
    }

    [Theory]
    [InlineData(50, 40, 1000, 0, "over the workflow's cap of 40 per run")]
    [InlineData(50, 100, 1000, 960, "monthly credit cap of 1,000 is reached")]
    [InlineData(50, 100, 1000, 950, null)]
    public void caps_refuse_a_run_that_could_spend_past_them(long price, long runCap, long monthlyCap, long spent, string? refusal)
    {
        var answer = CreditCaps.Refusal(price, runCap, monthlyCap, spent);
        if (refusal is null)
        {
            Assert.Null(answer);
        }
        else
        {
            Assert.Contains(refusal, answer, StringComparison.Ordinal);
        }
    }
}
