using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Accounts;
using AutoMl.Domain.Datasets;

namespace AutoMl.Api.Tests.Datasets;

/// <summary>A small file that expands to far more than it weighs is refused from its footer, before it is read.</summary>
public abstract partial class DatasetSuite<TFactory> where TFactory : PlatformFactory
{
    [Fact]
    public async Task a_parquet_bomb_fails_before_it_is_expanded()
    {
        var limits = IngestLimits.For(Tier.Free);
        var rows = limits.MaxRows + 1_000_000;
        var bomb = ParquetFiles.WithDuckDb($"SELECT 7::TINYINT AS a, 'the same long label, again and again' AS b FROM range({rows}) t(i)", "COMPRESSION zstd");
        Assert.True(bomb.Length < 1024 * 1024, $"The bomb weighs {bomb.Length:N0} bytes.");
        var user = await Platform.SignUpAsync();
        var started = DateTime.UtcNow;

        var dataset = await user.Http.IngestAsync(bomb, "bomb.parquet");

        var error = dataset.FailedBecause();
        Assert.Contains(limits.MaxRows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), error, StringComparison.Ordinal);
        Assert.Contains("rows", error, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "The footer check runs before the rows are read.");
    }
}
