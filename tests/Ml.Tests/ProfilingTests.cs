using AutoMl.Ml.Profiling;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Tests;

public class ProfilingTests
{
    [Fact]
    public async Task penguins_profile_counts_missing_values_categories_and_bins()
    {
        var ingest = await TestData.IngestAsync(TestData.File("penguins.csv"));

        var profile = await DatasetProfiler.ProfileAsync(ingest.ParquetPath);

        Assert.Equal(344, profile.RowCount);
        var bill = profile.Columns.Single(c => c.Name == "bill_length_mm");
        Assert.Equal(ColumnKind.Numeric, bill.Kind);
        Assert.Equal(2, bill.MissingCount);
        Assert.Equal(32.1, bill.Min!.Value, 6);
        Assert.Equal(59.6, bill.Max!.Value, 6);
        Assert.Equal(342, bill.Histogram.Sum(b => b.Count));
        Assert.Equal(44.45, bill.Quantiles.Single(q => q.Probability == 0.5).Value, 6);
        var species = profile.Columns.Single(c => c.Name == "species");
        Assert.Equal(ColumnKind.Categorical, species.Kind);
        Assert.Equal(("Adelie", 152L), (species.TopCategories[0].Value, species.TopCategories[0].Count));
        Assert.Equal(3, species.DistinctCount);
    }

    [Fact]
    public async Task the_suggested_target_is_a_conventional_name_or_the_last_usable_column()
    {
        var boston = await DatasetProfiler.ProfileAsync((await TestData.IngestAsync(TestData.File("boston.csv"))).ParquetPath);
        var hpc = await DatasetProfiler.ProfileAsync((await TestData.IngestAsync(TestData.File("hpc_data.csv"))).ParquetPath);

        Assert.Equal(("medv", TaskKind.Regression), (boston.SuggestedTarget, boston.SuggestedTask));
        Assert.Equal(("class", TaskKind.Multiclass), (hpc.SuggestedTarget, hpc.SuggestedTask));
    }
}
