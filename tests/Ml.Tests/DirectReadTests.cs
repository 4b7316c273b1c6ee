using System.Globalization;
using System.Text;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Data;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Tests;

/// <summary>
/// <see cref="TabularReader.ReadFrameAsync"/> parses a numbers-and-dates CSV straight into the column store: it must
/// give exactly what ingesting to the processed Parquet and loading that file gives, and still write that file.
/// </summary>
public class DirectReadTests
{
    private static async Task<(FrameRead Direct, IngestResult Stored, ColumnFrame Loaded)> BothWaysAsync(string path)
    {
        var folder = TestData.NewFolder();
        var direct = await TabularReader.ReadFrameAsync(path, Path.Combine(folder, "direct.parquet"));
        var stored = await TabularReader.IngestAsync(path, Path.Combine(folder, "stored.parquet"));
        var loaded = await ProcessedParquet.LoadAsync(stored.ParquetPath);
        return (direct, stored, loaded);
    }

    private static void AssertSameFrame(ColumnFrame expected, ColumnFrame actual)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.Columns.Select(c => (c.Name, c.Kind)), actual.Columns.Select(c => (c.Name, c.Kind)));
        foreach (var column in expected.Columns)
        {
            Assert.Equal(column.Numbers, actual[column.Name].Numbers);
            Assert.Equal(column.Seconds, actual[column.Name].Seconds);
        }
    }

    [Fact]
    public async Task a_numeric_csv_is_read_directly_into_the_same_frame_and_schema_as_through_the_processed_parquet()
    {
        var (direct, stored, loaded) = await BothWaysAsync(TestData.File("boston.csv"));

        Assert.True(direct.Direct);
        Assert.True(direct.Parsed);
        AssertSameFrame(loaded, direct.Frame);
        Assert.Equal(stored.Schema.Columns.Select(c => (c.Name, c.Kind, c.MissingCount)), direct.Schema.Columns.Select(c => (c.Name, c.Kind, c.MissingCount)));

        // Distinct counts decide the task: exact while small, as DuckDB's exact count.
        Assert.Equal(stored.Schema.Get("chas").DistinctCount, direct.Schema.Get("chas").DistinctCount);
        Assert.Equal(TaskInference.Infer(stored.Schema.Get("medv")), TaskInference.Infer(direct.Schema.Get("medv")));

        var written = await direct.Processed;
        var fromFile = await ProcessedParquet.LoadAsync(written.ParquetPath);
        AssertSameFrame(loaded, fromFile);
        Assert.Equal(direct.Schema, await ProcessedParquet.ReadSchemaAsync(written.ParquetPath), new SchemaComparer());
    }

    [Fact]
    public async Task missing_values_dates_and_an_identifier_column_come_out_as_through_the_processed_parquet()
    {
        var csv = new StringBuilder("row_id,when,amount,count\n");
        for (var i = 0; i < 120; i++)
        {
            var amount = i % 7 == 0 ? "NA" : (i * 1.25).ToString(CultureInfo.InvariantCulture);
            var count = i % 11 == 0 ? string.Empty : (i % 5).ToString(CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{1000 + i},2024-01-{1 + i % 28:00} 10:{i % 60:00}:00,{amount},{count}\n");
        }

        var path = Path.Combine(TestData.NewFolder(), "mixed.csv");
        await File.WriteAllTextAsync(path, csv.ToString());
        var (direct, stored, loaded) = await BothWaysAsync(path);

        Assert.True(direct.Direct);
        Assert.Equal(ColumnKind.Identifier, direct.Schema.Get("row_id").Kind);
        Assert.Equal(ColumnKind.Datetime, direct.Schema.Get("when").Kind);
        Assert.False(direct.Frame.Contains("row_id"));
        Assert.Equal(18, direct.Schema.Get("amount").MissingCount);
        Assert.True(float.IsNaN(direct.Frame["amount"].Numbers![0]));
        Assert.Equal(stored.Schema.Columns.Select(c => (c.Name, c.Kind, c.MissingCount, c.DistinctCount)),
            direct.Schema.Columns.Select(c => (c.Name, c.Kind, c.MissingCount, c.DistinctCount)));
        AssertSameFrame(loaded, direct.Frame);
        await direct.Processed;
    }

    [Fact]
    public async Task a_csv_with_text_columns_is_read_through_the_processed_parquet()
    {
        var (direct, stored, loaded) = await BothWaysAsync(TestData.File("penguins.csv"));

        Assert.False(direct.Direct);
        Assert.Equal(stored.Schema, direct.Schema, new SchemaComparer());
        Assert.Equal(loaded.Columns.Select(c => c.Name), direct.Frame.Columns.Select(c => c.Name));
        Assert.Equal("Adelie", direct.Frame["species"].ValueAt(0));
    }

    [Fact]
    public async Task a_bad_value_after_the_sniffed_sample_names_the_line()
    {
        var csv = new StringBuilder("x,y\n");
        for (var i = 0; i < 30_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{i * 0.5},{i}\n");
        }

        csv.Append("oops,1\n");
        var path = Path.Combine(TestData.NewFolder(), "late.csv");
        await File.WriteAllTextAsync(path, csv.ToString());

        var error = await Assert.ThrowsAsync<DataFormatException>(() => TabularReader.ReadFrameAsync(path, Path.Combine(TestData.NewFolder(), "late.parquet")));

        Assert.Contains("late.csv", error.Message, StringComparison.Ordinal);
        Assert.Equal(30_002, error.Line);
    }

    private sealed class SchemaComparer : IEqualityComparer<DatasetSchema>
    {
        public bool Equals(DatasetSchema? x, DatasetSchema? y) =>
            x is not null && y is not null && x.RowCount == y.RowCount && x.Columns.SequenceEqual(y.Columns);

        public int GetHashCode(DatasetSchema obj) => obj.RowCount.GetHashCode();
    }
}
