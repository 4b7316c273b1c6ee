using System.Globalization;
using System.Text;
using AutoMl.Ml.Profiling;

namespace AutoMl.Ml.Tests;

public class AssociationTests
{
    [Fact]
    public async Task planted_copies_read_near_one_independent_columns_near_zero_and_a_category_that_sets_a_number_gives_eta_near_one()
    {
        var random = new Random(3);
        var csv = new StringBuilder("x,x_scaled,x_cubed,noise,grade,grade_score,colour,colour_copy,coin\n");
        string[] grades = ["a", "b", "c", "d"];
        string[] colours = ["red", "green", "blue"];
        for (var i = 0; i < 3000; i++)
        {
            var x = random.NextDouble() * 4 - 2;
            var grade = random.Next(grades.Length);
            var colour = colours[random.Next(colours.Length)];
            csv.Append(CultureInfo.InvariantCulture,
                $"{x:0.00000},{3 * x + 1:0.00000},{x * x * x:0.00000},{random.NextDouble():0.00000},{grades[grade]},{10 * grade + 0.01 * random.NextDouble():0.0000},{colour},{colour},{(random.Next(2) == 0 ? "heads" : "tails")}\n");
        }
        var ingest = await TestData.IngestTextAsync(csv.ToString(), "planted.csv");
        var profile = await DatasetProfiler.ProfileAsync(ingest.ParquetPath);
        var sample = Path.Combine(TestData.NewFolder(), "sample.parquet");
        await DataChecks.ScanAsync(ingest.ParquetPath, profile.Columns, sample);

        var table = Associations.Compute(sample, profile.Columns);

        Assert.Equal(["x", "x_scaled", "x_cubed", "noise", "grade", "grade_score", "colour", "colour_copy", "coin"], table.Columns);
        double Of(string a, string b, string measure) => Assert.Single(table.Pairs, p => p.A == a && p.B == b && p.Measure == measure).Value;
        Assert.InRange(Of("x", "x_scaled", AssociationMeasures.Pearson), 0.999, 1);
        Assert.InRange(Of("x", "x_scaled", AssociationMeasures.Spearman), 0.999, 1);
        // A monotone curve: every rank agrees, the straight line does not quite.
        Assert.InRange(Of("x", "x_cubed", AssociationMeasures.Spearman), 0.999, 1);
        Assert.InRange(Of("x", "x_cubed", AssociationMeasures.Pearson), 0.5, 0.95);
        Assert.InRange(Of("x", "noise", AssociationMeasures.Pearson), -0.06, 0.06);
        Assert.InRange(Of("x", "noise", AssociationMeasures.Spearman), -0.06, 0.06);
        Assert.InRange(Of("colour", "colour_copy", AssociationMeasures.CramersV), 0.99, 1);
        Assert.InRange(Of("colour", "coin", AssociationMeasures.CramersV), 0, 0.06);
        // The number comes first in a number–category pair, whatever the column order.
        Assert.InRange(Of("grade_score", "grade", AssociationMeasures.CorrelationRatio), 0.999, 1);
        Assert.InRange(Of("x", "grade", AssociationMeasures.CorrelationRatio), 0, 0.1);
        Assert.DoesNotContain(table.Pairs, p => p.Measure == AssociationMeasures.Pearson && (p.A == "grade" || p.B == "grade"));
    }

    [Fact]
    public async Task at_most_twenty_columns_the_most_complete_ones_and_identifiers_are_left_out()
    {
        var random = new Random(4);
        var header = string.Join(",", Enumerable.Range(0, 24).Select(i => $"c{i}"));
        var csv = new StringBuilder("id," + header + "\n");
        for (var r = 0; r < 400; r++)
        {
            // c0..c3 are mostly empty: they are the ones left out.
            var cells = Enumerable.Range(0, 24).Select(i => i < 4 && r % 5 != 0 ? "" : (random.NextDouble() * 100).ToString("0.000", CultureInfo.InvariantCulture));
            csv.Append(CultureInfo.InvariantCulture, $"row{r},{string.Join(",", cells)}\n");
        }
        var ingest = await TestData.IngestTextAsync(csv.ToString(), "wide.csv");
        var profile = await DatasetProfiler.ProfileAsync(ingest.ParquetPath);
        var sample = Path.Combine(TestData.NewFolder(), "sample.parquet");
        await DataChecks.ScanAsync(ingest.ParquetPath, profile.Columns, sample);

        var table = Associations.Compute(sample, profile.Columns);

        Assert.Equal(Enumerable.Range(4, 20).Select(i => $"c{i}"), table.Columns);
        Assert.Equal(20 * 19 / 2 * 2, table.Pairs.Count);
    }
}
