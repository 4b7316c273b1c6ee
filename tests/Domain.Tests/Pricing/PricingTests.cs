using AutoMl.Domain.Accounts;
using PriceRules = AutoMl.Domain.Pricing.Pricing;

namespace AutoMl.Domain.Tests.Pricing;

public class PricingTests
{
    [Theory]
    [InlineData(Tier.Free, 2.0)]
    [InlineData(Tier.Pro, 1.5)]
    [InlineData(Tier.Enterprise, 1.0)]
    public void a_minute_of_search_over_a_small_table_costs_the_tiers_rate(Tier tier, double perMinute)
    {
        var price = PriceRules.Training(tier, 600, rows: 1_000, columns: 10);
        Assert.Equal(perMinute, price.PerMinute);
        Assert.Equal(1.0, price.SizeFactor);
        Assert.Equal((long)(10 * perMinute), price.Credits);
        Assert.Equal(10, price.Minutes);
    }

    [Theory]
    [InlineData(10_000, 10, 1.0)]
    [InlineData(100_000, 10, 2.0)]
    [InlineData(1_000_000, 10, 3.0)]
    [InlineData(0, 0, 1.0)]
    public void each_tenfold_growth_past_a_hundred_thousand_cells_adds_one_unit_of_size(long rows, int columns, double factor)
    {
        Assert.Equal(factor, PriceRules.SizeFactor(rows, columns), 9);
    }

    [Fact]
    public void the_size_factor_scales_the_price_and_is_shown_rounded()
    {
        // 300,000 cells: 1 + log10(3) = 1.4771…; 5 min × 2 × 1.4771 = 14.77 → 15.
        var price = PriceRules.Training(Tier.Free, 300, rows: 30_000, columns: 10);
        Assert.Equal(15, price.Credits);
        Assert.Equal(1.477, price.SizeFactor);
        Assert.Contains("× 10 columns", price.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void a_fraction_of_a_credit_is_rounded_up_and_the_least_price_is_one()
    {
        Assert.Equal(2, PriceRules.Training(Tier.Pro, 70, rows: 100, columns: 2).Credits); // 1.1667 min × 1.5 = 1.75
        Assert.Equal(1, PriceRules.Training(Tier.Enterprise, 1, rows: 100, columns: 2).Credits);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(30, 5)]
    [InlineData(59, 10)]
    [InlineData(60, 10)]
    [InlineData(600, 10)]
    public void a_job_is_charged_its_share_of_the_budget_it_used_rounded_up_at_least_one_at_most_its_hold(int seconds, long charged)
    {
        Assert.Equal(charged, PriceRules.Used(held: 10, TimeSpan.FromSeconds(seconds), budgetSeconds: 60));
    }

    [Fact]
    public void a_zero_budget_is_priced_as_one_second()
    {
        Assert.Equal(4, PriceRules.Used(held: 4, TimeSpan.FromSeconds(2), budgetSeconds: 0));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(1_000, 1)]
    [InlineData(1_001, 2)]
    [InlineData(250_000, 250)]
    public void predictions_cost_a_credit_per_thousand_rows_begun(long rows, long credits)
    {
        Assert.Equal(credits, PriceRules.Prediction(rows));
    }
}
