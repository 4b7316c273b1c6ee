using AutoMl.Api.Tests.Support;
using Parquet;

namespace AutoMl.Api.Tests.Datasets;

/// <summary>Parquet from DuckDB and Parquet.Net: codecs, dictionary pages and nulls ingest; nested columns are refused.</summary>
public abstract partial class DatasetSuite<TFactory> where TFactory : PlatformFactory
{
    private static readonly string[] Cities = ["Lyon", "Oslo", "Porto"];

    private const string Flat = """
        SELECT i AS row_no, i * 0.25 AS score, ['red', 'green', 'blue'][i % 3 + 1] AS colour,
               DATE '2024-01-01' + CAST(i AS INTEGER) AS day, CASE WHEN i % 4 = 0 THEN NULL ELSE i % 7 END AS visits
        FROM range(1000) t(i)
        """;

    [Theory]
    [InlineData("snappy", "SNAPPY")]
    [InlineData("gzip", "GZIP")]
    [InlineData("zstd", "ZSTD")]
    public async Task parquet_written_by_duckdb_with_any_codec_ingests_with_its_rows_and_types(string compression, string codec)
    {
        var parquet = ParquetFiles.WithDuckDb(Flat, $"COMPRESSION {compression}");
        Assert.Equal(codec, ParquetFiles.ColumnChunk(parquet, "colour").Codec);
        var user = await Platform.SignUpAsync();

        var dataset = await user.Http.IngestAsync(parquet, $"flat-{compression}.parquet");

        Assert.Equal("ready", dataset.GetProperty("status").GetString());
        Assert.Equal(1000, dataset.GetProperty("rows").GetInt64());
        Assert.Equal(5, dataset.GetProperty("columns").GetArrayLength());
        Assert.Equal("numeric", dataset.Column("score").GetProperty("type").GetString());
        Assert.Equal("categorical", dataset.Column("colour").GetProperty("type").GetString());
        Assert.Equal("datetime", dataset.Column("day").GetProperty("type").GetString());
        Assert.Equal(250, dataset.Column("visits").GetProperty("missing").GetInt64());
    }

    [Fact]
    public async Task parquet_written_by_parquet_net_with_dictionary_pages_and_nulls_ingests_with_its_rows_and_types()
    {
        var rows = Enumerable.Range(0, 600).Select(i => new Visit
        {
            City = i % 5 == 0 ? null : Cities[i % 3],
            Nights = i % 6 == 0 ? null : i % 9,
            Price = 40 + (i % 50) * 1.5,
        });
        var parquet = await ParquetFiles.WithParquetNetAsync(rows, CompressionMethod.Gzip, "City");
        var city = ParquetFiles.ColumnChunk(parquet, "City");
        Assert.True(city.Encodings.Contains("DICTIONARY", StringComparison.Ordinal), $"Parquet.Net wrote City as {city.Encodings}, not with a dictionary.");
        var user = await Platform.SignUpAsync();

        var dataset = await user.Http.IngestAsync(parquet, "visits.parquet");

        Assert.Equal("ready", dataset.GetProperty("status").GetString());
        Assert.Equal(600, dataset.GetProperty("rows").GetInt64());
        var cities = dataset.Column("City");
        Assert.Equal("categorical", cities.GetProperty("type").GetString());
        Assert.Equal(120, cities.GetProperty("missing").GetInt64());
        Assert.Equal(3, cities.GetProperty("distinct").GetInt64());
        var nights = dataset.Column("Nights");
        Assert.Equal("numeric", nights.GetProperty("type").GetString());
        Assert.Equal(100, nights.GetProperty("missing").GetInt64());
        Assert.Equal("numeric", dataset.Column("Price").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("{'street': 'Main St', 'number': i} AS address", "address")]
    [InlineData("[i, i + 1, i + 2] AS tags", "tags")]
    public async Task parquet_with_a_nested_column_is_refused_with_a_message_naming_the_column(string nested, string column)
    {
        var parquet = ParquetFiles.WithDuckDb($"SELECT i AS id, i * 2.5 AS amount, i % 2 = 0 AS paid, {nested} FROM range(50) t(i)");
        var user = await Platform.SignUpAsync();

        var dataset = await user.Http.IngestAsync(parquet, "nested.parquet");

        var error = dataset.FailedBecause();
        Assert.Contains($"'{column}'", error, StringComparison.Ordinal);
        Assert.Contains("nested", error, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class Visit
    {
        public string? City { get; init; }
        public int? Nights { get; init; }
        public double Price { get; init; }
    }
}
