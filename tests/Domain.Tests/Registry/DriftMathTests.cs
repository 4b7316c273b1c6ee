using AutoMl.Domain.Registry;

namespace AutoMl.Domain.Tests.Registry;

public sealed class DriftMathTests
{
    [Fact]
    public void the_distance_is_zero_for_the_same_shares_one_for_disjoint_ones_and_matches_scipy_between()
    {
        Assert.Equal(0, DriftMath.JensenShannon([0.2, 0.3, 0.5], [2, 3, 5]), 12);
        Assert.Equal(1, DriftMath.JensenShannon([1, 0], [0, 1]), 12);
        // scipy.spatial.distance.jensenshannon([.5, .5], [1, 0], base=2)
        Assert.Equal(0.5579230452, DriftMath.JensenShannon([0.5, 0.5], [1, 0]), 9);
    }

    [Fact]
    public void numbers_outside_the_training_range_and_missing_ones_get_their_own_bins()
    {
        var baseline = FeatureBaselines.OfNumbers("age", Enumerable.Range(1, 100).Select(i => (double)i).Append(double.NaN).ToList());
        Assert.Equal(13, baseline.Shares.Count); // missing, under, ten deciles, over
        Assert.Equal(1, baseline.Shares.Sum(), 9);
        Assert.Equal(1.0 / 101, baseline.Shares[0], 9);
        var counts = FeatureBaselines.CountNumbers(baseline, [0, 101, double.NaN, 50]);
        Assert.Equal(1, counts[0]);
        Assert.Equal(1, counts[1]);
        Assert.Equal(1, counts[^1]);
        Assert.Equal(1, counts.Skip(2).Take(10).Sum());
        Assert.Equal(FeatureBaselines.BinNames(baseline).Count, counts.Length);
    }

    [Fact]
    public void categories_past_the_top_levels_count_as_other_and_the_baseline_says_whether_it_kept_every_level()
    {
        var few = FeatureBaselines.OfLevels("plan", "categorical", ["a", "b", "a", null]);
        Assert.True(few.AllLevelsKept);
        Assert.Equal(["a", "b"], few.Levels);
        Assert.Equal([0.25, 0.5, 0.25, 0], few.Shares);
        Assert.Equal([0, 1, 0, 1], FeatureBaselines.CountLevels(few, ["a", "z"]));
        var many = FeatureBaselines.OfLevels("city", "categorical", Enumerable.Range(0, 30).Select(i => (string?)$"c{i}").ToList());
        Assert.False(many.AllLevelsKept);
        Assert.Equal(FeatureBaselines.TopLevels, many.Levels!.Count);
    }

    [Fact]
    public void a_later_version_may_read_fewer_columns_never_a_new_or_retyped_one()
    {
        SchemaColumn[] registered = [new("age", "numeric"), new("plan", "categorical")];
        Assert.Empty(SchemaFit.Differences("binary", "churn", registered, "binary", "churn", [new("age", "numeric")]));
        var differences = SchemaFit.Differences("binary", "churn", registered, "binary", "churn", [new("age", "categorical"), new("city", "categorical")]);
        Assert.Equal(2, differences.Count);
        Assert.Contains("this model reads 'age' as categorical where the registered model reads it as numeric", differences);
        Assert.Contains("this model reads the column 'city', which the registered model's rows do not have", differences);
    }
}
