using System.Globalization;
using System.Text;
using AutoMl.Ml.Profiling;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Tests;

public class DataCheckTests
{
    [Fact]
    public async Task a_planted_leak_an_id_a_constant_a_copied_column_and_repeated_rows_are_each_found_and_only_leak_and_id_are_left_out()
    {
        var random = new Random(5);
        var csv = new StringBuilder("customer_id,x1,x2,x2_copy,region,flat,leak,churned\n");
        var rows = new List<string>();
        for (var i = 0; i < 2000; i++)
        {
            var x1 = random.NextDouble() * 2 - 1;
            var x2 = Math.Round(random.NextDouble() * 10, 3);
            var churned = x1 + 0.6 * (random.NextDouble() - 0.5) > 0 ? "yes" : "no";
            // A noisy copy of the target: a score written after the customer left.
            var copy = (churned == "yes" ? 1 : 0) + 0.1 * Gaussian(random);
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{x1:0.00000},{x2},{x2},{(random.Next(3) switch { 0 => "north", 1 => "south", _ => "west" })},same,{copy:0.0000},{churned}"));
        }
        for (var i = 0; i < 2000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{100000 + i},{rows[i]}\n");
        }
        var ingest = await TestData.IngestTextAsync(csv.ToString(), "customers.csv");
        var profile = await DatasetProfiler.ProfileAsync(ingest.ParquetPath);
        var sample = Path.Combine(TestData.NewFolder(), "sample.parquet");

        var scan = await DataChecks.ScanAsync(ingest.ParquetPath, profile.Columns, sample);
        var checks = DataChecks.OfColumns(profile, scan).Concat(DataChecks.OfTarget(sample, profile.Columns, "churned", TaskKind.Binary)).ToList();

        Assert.Equal(["customer_id"], Assert.Single(checks, c => c.Code == DataCheckCodes.Identifier).Columns);
        var leak = Assert.Single(checks, c => c.Code == DataCheckCodes.TargetLeakage);
        Assert.Equal(["leak"], leak.Columns);
        Assert.Equal(CheckSeverity.Critical, leak.Severity);
        Assert.True(leak.Score >= 0.99, $"leak AUC {leak.Score}");
        Assert.Equal(["flat"], Assert.Single(checks, c => c.Code == DataCheckCodes.Constant).Columns);
        Assert.Equal(["x2", "x2_copy"], Assert.Single(checks, c => c.Code == DataCheckCodes.DuplicateColumns).Columns);
        // The honest signal (AUC about 0.9 alone) is no leak.
        Assert.DoesNotContain(checks, c => c.Columns.Contains("x1") && c.Code is DataCheckCodes.TargetLeakage);
        Assert.Equal(["customer_id", "leak"], DataChecks.ExcludedByDefault(checks).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(checks, c => c.Code == DataCheckCodes.DuplicateRows);
    }

    [Fact]
    public async Task repeated_rows_and_a_regression_leak_are_found()
    {
        var random = new Random(9);
        var csv = new StringBuilder("size,age,price_with_tax,price\n");
        for (var i = 0; i < 1000; i++)
        {
            var size = 50 + random.Next(150);
            var age = random.Next(60);
            var price = 3000 * size - 500 * age + 40000 * Gaussian(random);
            var line = string.Create(CultureInfo.InvariantCulture, $"{size},{age},{price * 1.2 + 10 * Gaussian(random):0},{price:0}\n");
            csv.Append(line);
            if (i % 50 == 0)
            {
                csv.Append(line);
            }
        }
        var ingest = await TestData.IngestTextAsync(csv.ToString(), "houses.csv");
        var profile = await DatasetProfiler.ProfileAsync(ingest.ParquetPath);
        var sample = Path.Combine(TestData.NewFolder(), "sample.parquet");

        var scan = await DataChecks.ScanAsync(ingest.ParquetPath, profile.Columns, sample);
        var checks = DataChecks.OfColumns(profile, scan).Concat(DataChecks.OfTarget(sample, profile.Columns, "price", TaskKind.Regression)).ToList();

        Assert.Equal(20, scan.DuplicateRows);
        Assert.Contains("20 rows", Assert.Single(checks, c => c.Code == DataCheckCodes.DuplicateRows).Message, StringComparison.Ordinal);
        Assert.Equal(["price_with_tax"], Assert.Single(checks, c => c.Code == DataCheckCodes.TargetLeakage).Columns);
        Assert.DoesNotContain(checks, c => c.Columns.Contains("size") && c.Code == DataCheckCodes.TargetLeakage);
    }

    [Theory]
    [InlineData("penguins.csv", "species", TaskKind.Multiclass)]
    [InlineData("boston.csv", "medv", TaskKind.Regression)]
    [InlineData("concrete.csv", "compressive_strength", TaskKind.Regression)]
    [InlineData("diamonds_head1000.csv", "price", TaskKind.Regression)]
    [InlineData("hpc_data.csv", "class", TaskKind.Multiclass)]
    [InlineData("letter_head2000.csv", "lettr", TaskKind.Multiclass)]
    [InlineData("mlc_churn_head600.csv", "churn", TaskKind.Binary)]
    [InlineData("pima_diabetes.csv", "diabetes", TaskKind.Binary)]
    [InlineData("sonar.csv", "Class", TaskKind.Binary)]
    [InlineData("attrition_head300.csv", "Attrition", TaskKind.Binary)]
    [InlineData("stackoverflow_head600.csv", "Remote", TaskKind.Binary)]
    [InlineData("wa_churn_head500.csv", "churn", TaskKind.Binary)]
    public async Task real_data_sets_have_no_leak_flagged(string file, string target, TaskKind task)
    {
        var ingest = await TestData.IngestAsync(TestData.File(file));
        var profile = await DatasetProfiler.ProfileAsync(ingest.ParquetPath);
        var sample = Path.Combine(TestData.NewFolder(), "sample.parquet");
        await DataChecks.ScanAsync(ingest.ParquetPath, profile.Columns, sample);

        var checks = DataChecks.OfTarget(sample, profile.Columns, target, task);

        Assert.DoesNotContain(checks, c => c.Code == DataCheckCodes.TargetLeakage);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
