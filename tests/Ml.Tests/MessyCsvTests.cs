using System.Text;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Data;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Tests;

public class MessyCsvTests
{
    private static async Task<(IngestResult Result, ColumnFrame Frame)> ReadAsync(string content, string fileName = "upload.csv")
    {
        var result = await TestData.IngestTextAsync(content, fileName);
        return (result, await ProcessedParquet.LoadAsync(result.ParquetPath, result.Schema.Columns.Select(c => c.Name).ToList()));
    }

    private static async Task<(IngestResult Result, ColumnFrame Frame)> ReadBytesAsync(byte[] content)
    {
        var path = Path.Combine(TestData.NewFolder(), "upload.csv");
        await File.WriteAllBytesAsync(path, content);
        var result = await TestData.IngestAsync(path);
        return (result, await ProcessedParquet.LoadAsync(result.ParquetPath, result.Schema.Columns.Select(c => c.Name).ToList()));
    }

    [Fact]
    public async Task quoted_newlines_stay_inside_their_cell()
    {
        var (result, frame) = await ReadAsync("id,note,value\n1,\"first line\nsecond line\",10\n2,plain,20\n3,\"a, b\",30\n");

        Assert.Equal(3, result.RowCount);
        Assert.Equal("first line\nsecond line", frame["note"].ValueAt(0));
        Assert.Equal("a, b", frame["note"].ValueAt(2));
        Assert.Equal(30f, frame["value"].ValueAt(2));
    }

    [Fact]
    public async Task a_utf8_byte_order_mark_does_not_end_up_in_the_first_column_name()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("city,temp\nZürich,1.5\nOslo,-3\n")).ToArray();
        var (result, frame) = await ReadBytesAsync(bytes);

        Assert.Equal("city", result.Schema.Columns[0].Name);
        Assert.Equal("Zürich", frame["city"].ValueAt(0));
    }

    [Fact]
    public async Task semicolon_files_with_decimal_commas_read_as_numbers()
    {
        var (result, frame) = await ReadAsync("name;price;qty\nA;1,5;3\nB;2,25;4\nC;10,0;5\n");

        Assert.Equal(ColumnKind.Numeric, result.Schema.Get("price").Kind);
        Assert.Equal(2.25f, frame["price"].ValueAt(1));
        Assert.Equal(5f, frame["qty"].ValueAt(2));
    }

    [Theory]
    [InlineData('\t')]
    [InlineData('|')]
    public async Task tab_and_pipe_delimiters_are_sniffed(char delimiter)
    {
        var d = delimiter.ToString();
        var (result, frame) = await ReadAsync($"a{d}b{d}c\n1{d}x{d}2.5\n2{d}y{d}3.5\n3{d}x{d}4.5\n", delimiter == '\t' ? "upload.tsv" : "upload.csv");

        Assert.Equal(["a", "b", "c"], result.Schema.Columns.Select(c => c.Name));
        Assert.Equal(4.5f, frame["c"].ValueAt(2));
    }

    [Fact]
    public async Task latin1_files_are_decoded_without_mangling_accents()
    {
        var bytes = Encoding.Latin1.GetBytes("name,score\ncafé,1\nnaïve,2\nGöteborg,3\n");
        var (_, frame) = await ReadBytesAsync(bytes);

        Assert.Equal(["café", "naïve", "Göteborg"], Enumerable.Range(0, 3).Select(i => (string?)frame["name"].ValueAt(i)));
    }

    [Fact]
    public async Task na_nan_null_and_question_mark_are_missing_values()
    {
        var (result, frame) = await ReadAsync("x,y\n1,a\nNA,b\nNaN,c\nnull,d\n?,e\n,f\n7,g\n");

        Assert.Equal(ColumnKind.Numeric, result.Schema.Get("x").Kind);
        Assert.Equal(5, result.Schema.Get("x").MissingCount);
        Assert.Null(frame["x"].ValueAt(1));
        Assert.Equal(7f, frame["x"].ValueAt(6));
    }

    [Fact]
    public async Task ragged_rows_fail_naming_the_line()
    {
        var csv = "a,b,c\n1,2,3\n4,5,6\n7,8,9,10\n11,12,13\n";

        var error = await Assert.ThrowsAsync<DataFormatException>(() => TestData.IngestTextAsync(csv, "ragged.csv"));

        Assert.Equal(4, error.Line);
        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("ragged.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("4 fields where the header has 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ragged_rows_after_a_quoted_newline_name_the_physical_line()
    {
        var csv = "a,b\n1,\"two\nlines\"\n3,4,5\n";

        var error = await Assert.ThrowsAsync<DataFormatException>(() => TestData.IngestTextAsync(csv));

        Assert.Equal(4, error.Line);
    }

    [Fact]
    public async Task an_empty_file_is_refused_as_empty()
    {
        var error = await Assert.ThrowsAsync<DataFormatException>(() => TestData.IngestTextAsync(string.Empty, "empty.csv"));

        Assert.Contains("empty.csv is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_header_without_rows_is_refused()
    {
        var error = await Assert.ThrowsAsync<DataFormatException>(() => TestData.IngestTextAsync("a,b,c\n", "header.csv"));

        Assert.Contains("no rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_binary_file_is_refused()
    {
        var path = Path.Combine(TestData.NewFolder(), "photo.csv");
        await File.WriteAllBytesAsync(path, [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01]);

        var error = await Assert.ThrowsAsync<DataFormatException>(() => TestData.IngestAsync(path));

        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_single_column_is_not_a_table_to_learn_from()
    {
        var error = await Assert.ThrowsAsync<DataFormatException>(() => TestData.IngestTextAsync("only\n1\n2\n3\n"));

        Assert.Contains("single column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task json_lines_and_parquet_uploads_are_read_too()
    {
        var folder = TestData.NewFolder();
        var json = Path.Combine(folder, "rows.jsonl");
        await File.WriteAllTextAsync(json, "{\"a\": 1, \"b\": \"x\"}\n{\"a\": 2, \"b\": \"y\"}\n{\"a\": null, \"b\": \"x\"}\n");
        var fromJson = await TestData.IngestAsync(json);
        var fromParquet = await TestData.IngestAsync(fromJson.ParquetPath);

        Assert.Equal(3, fromJson.RowCount);
        Assert.Equal(1, fromJson.Schema.Get("a").MissingCount);
        Assert.Equal(3, fromParquet.RowCount);
        Assert.Equal(ColumnKind.Numeric, fromParquet.Schema.Get("a").Kind);
    }

    [Fact]
    public async Task identifiers_dates_and_free_text_get_their_own_kinds()
    {
        var rows = Enumerable.Range(1, 80).Select(i =>
            $"{i},2024-01-{i % 28 + 1:00},\"customer {i} wrote a long review about the product number {i * 7}\",{(i % 3 == 0 ? "red" : "blue")},{i * 0.5}");
        var (result, _) = await ReadAsync("id,day,review,color,value\n" + string.Join('\n', rows) + "\n");

        Assert.Equal(ColumnKind.Identifier, result.Schema.Get("id").Kind);
        Assert.Equal(ColumnKind.Datetime, result.Schema.Get("day").Kind);
        Assert.Equal(ColumnKind.Text, result.Schema.Get("review").Kind);
        Assert.Equal(ColumnKind.Categorical, result.Schema.Get("color").Kind);
        Assert.Equal(ColumnKind.Numeric, result.Schema.Get("value").Kind);
    }
}
