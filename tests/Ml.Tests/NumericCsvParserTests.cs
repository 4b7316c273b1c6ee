using System.Globalization;
using System.Text;
using AutoMl.Ml.Data;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Tests;

/// <summary>
/// Our numbers parser (the fast path of <see cref="TabularReader.ReadFrameAsync"/>) must give bit for bit the frame
/// and the counts DuckDB gives for the same file, and hand every file it does not fully understand back to DuckDB.
/// </summary>
public class NumericCsvParserTests
{
    private static readonly IngestOptions DuckDbOnly = new() { NumericParser = false };

    // Tiny segments: a few rows each, so segment joins, per-thread counts and their merge are all crossed.
    private static readonly IngestOptions SmallSegments = new() { ParserSegmentBytes = 64 };

    private static async Task<(FrameRead Ours, FrameRead DuckDb)> BothAsync(string csv, IngestOptions? ours = null)
    {
        var folder = TestData.NewFolder();
        var path = Path.Combine(folder, "numbers.csv");
        await File.WriteAllTextAsync(path, csv, new UTF8Encoding(false));
        var parsed = await TabularReader.ReadFrameAsync(path, Path.Combine(folder, "ours.parquet"), ours ?? SmallSegments);
        var duck = await TabularReader.ReadFrameAsync(path, Path.Combine(folder, "duck.parquet"), DuckDbOnly);
        await parsed.Processed;
        await duck.Processed;
        Assert.False(duck.Parsed);
        return (parsed, duck);
    }

    private static void AssertIdentical(FrameRead expected, FrameRead actual)
    {
        Assert.Equal(expected.Schema.RowCount, actual.Schema.RowCount);
        Assert.Equal(expected.Schema.Columns, actual.Schema.Columns);
        Assert.Equal(expected.Frame.Columns.Select(c => c.Name), actual.Frame.Columns.Select(c => c.Name));
        foreach (var column in expected.Frame.Columns)
        {
            // Bit patterns: -0 and 0 differ, every NaN is the same missing value.
            Assert.Equal(column.Numbers!.Select(BitConverter.SingleToInt32Bits), actual.Frame[column.Name].Numbers!.Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Fact]
    public async Task numbers_in_every_spelling_DuckDB_reads_come_out_bit_for_bit_as_DuckDB_reads_them()
    {
        string[] spellings =
        [
            "0", "-0", "0.50", "1.5", "-2.25", "0.1", "0.3", "1e5", "1E-5", "-2.5e+3", "6.02214076e23", "1.7976931348623157e308",
            "4.9e-324", "2.2250738585072014e-308", "3.14159265358979323846264338327950288", "123456789012345678901234567890",
            "9007199254740993", "0.000000000000000000000123", "99999999999999999999e-20", "NA", "", "NaN", "?", "null", "N/A", "nan", "NULL",
        ];
        var csv = new StringBuilder("value,count,label\r\n");
        for (var i = 0; i < 400; i++)
        {
            var count = i % 13 == 0 ? "NA" : ((i * 7919) % 2001 - 1000).ToString(CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{spellings[i % spellings.Length]},{count},{i % 3}\r\n");
        }

        var (ours, duck) = await BothAsync(csv.ToString().TrimEnd('\r', '\n'));

        Assert.True(ours.Parsed);
        Assert.Equal(400, ours.Frame.RowCount);
        AssertIdentical(duck, ours);
        string[] missing = ["NA", "", "NaN", "?", "null", "N/A", "nan", "NULL"];
        Assert.Equal(Enumerable.Range(0, 400).Count(i => missing.Contains(spellings[i % spellings.Length])), ours.Schema.Get("value").MissingCount);
        Assert.Equal(BitConverter.SingleToInt32Bits(-0f), BitConverter.SingleToInt32Bits(ours.Frame["value"].Numbers![1]));
        Assert.Equal(0.1f, ours.Frame["value"].Numbers![5]);
    }

    [Fact]
    public async Task a_wide_file_over_many_segments_counts_distinct_values_and_missing_ones_as_DuckDB_does()
    {
        var random = new Random(7);
        var csv = new StringBuilder("id,a,b,c,target\n");
        for (var i = 0; i < 3000; i++)
        {
            var a = Math.Round(random.NextDouble() * 100, 3).ToString(CultureInfo.InvariantCulture);
            var b = i % 17 == 0 ? string.Empty : random.Next(0, 40).ToString(CultureInfo.InvariantCulture);
            var c = (random.NextDouble() * 1e-3).ToString("R", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{i},{a},{b},{c},{i % 2}\n");
        }

        var (ours, duck) = await BothAsync(csv.ToString());

        Assert.True(ours.Parsed);
        AssertIdentical(duck, ours);
        Assert.Equal(ColumnKind.Identifier, ours.Schema.Get("id").Kind);
        Assert.Equal(40, ours.Schema.Get("b").DistinctCount);
        Assert.Equal(3000 / 17 + 1, ours.Schema.Get("b").MissingCount);
        Assert.Equal(2, ours.Schema.Get("target").DistinctCount);
    }

    [Theory]
    [InlineData("x,y\n\"1.5\",\"2\"\n2.5,3\n", true, "quoted numbers")]
    [InlineData("x|y\r\n1.5|2\r\n2.5|3", true, "another delimiter, CRLF, no last line break")]
    [InlineData("x,y\n\"\",2\n2.5,3\n", false, "a quoted empty field")]
    [InlineData("x,y\n.5,2\n2.5,3\n", false, "a number without a leading digit")]
    [InlineData("x,y\n 1.5,2\n2.5,3\n", false, "a leading space")]
    [InlineData("x,y\n1.5,2\n2.5,3\n\n", false, "a blank last line")]
    [InlineData("x,y\ninf,2\n2.5,3\n", false, "an infinity")]
    [InlineData("x,y\n+1.5,2\n2.5,3\n", false, "a plus sign")]
    public async Task what_the_parser_does_not_read_DuckDB_does_and_both_give_the_same_frame(string csv, bool parsed, string what)
    {
        var (ours, duck) = await BothAsync(csv);

        Assert.True(ours.Parsed == parsed, what);
        AssertIdentical(duck, ours);
    }

    [Fact]
    public async Task a_decimal_in_an_integer_column_after_the_sniffed_sample_is_read_as_DuckDB_reads_it()
    {
        // DuckDB sniffs 20,480 rows: y is BIGINT, and DuckDB rounds the late "1.5" to 2. The parser leaves that to DuckDB.
        var csv = new StringBuilder("x,y\n");
        for (var i = 0; i < 30_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{i * 0.5},{i % 50}\n");
        }

        csv.Append("1.5,1.5\n");

        var (ours, duck) = await BothAsync(csv.ToString(), IngestOptions.Default);

        Assert.False(ours.Parsed);
        AssertIdentical(duck, ours);
        Assert.Equal(2f, ours.Frame["y"].Numbers![30_000]);
    }
}
