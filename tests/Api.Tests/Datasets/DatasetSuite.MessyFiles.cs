using System.Net;
using System.Text;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Datasets;

/// <summary>
/// The messy-input corpus: each file either ingests with the right rows, columns and text, or fails with a
/// message a person can act on. None may stay 'ingesting' or end 'ready' without rows and columns.
/// </summary>
public abstract partial class DatasetSuite<TFactory> where TFactory : PlatformFactory
{
    [Fact]
    public async Task a_utf8_bom_is_not_part_of_the_first_column_name()
    {
        var user = await Platform.SignUpAsync();
        var csv = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("name,age,city\nAna,31,Faro\nBo,45,Umeå\nCy,28,Faro\n")).ToArray();

        var dataset = await user.Http.IngestAsync(csv, "bom.csv");

        Assert.Equal("ready", dataset.GetProperty("status").GetString());
        Assert.Equal(3, dataset.GetProperty("rows").GetInt64());
        Assert.Equal(["name", "age", "city"], dataset.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("Umeå", (await user.Http.PreviewAsync(dataset)).Cell(1, "city").GetString());
    }

    [Fact]
    public async Task a_semicolon_file_with_decimal_commas_reads_as_numbers()
    {
        var user = await Platform.SignUpAsync();

        var dataset = await user.Http.IngestAsync(Encoding.UTF8.GetBytes("price;qty;shop\n1,5;2;north\n2,5;4;south\n3,5;6;north\n"), "semicolons.csv");

        Assert.Equal("ready", dataset.GetProperty("status").GetString());
        Assert.Equal(3, dataset.GetProperty("rows").GetInt64());
        Assert.Equal(3, dataset.GetProperty("columns").GetArrayLength());
        Assert.Equal(2.5, dataset.Column("price").GetProperty("mean").GetDouble(), 6);
    }

    [Fact]
    public async Task a_newline_inside_a_quoted_cell_stays_in_the_cell()
    {
        var user = await Platform.SignUpAsync();
        var csv = "id,comment,stars\n1,\"first line\nsecond line\",4\n2,plain,5\n3,\"a, b\",3\n";

        var dataset = await user.Http.IngestAsync(Encoding.UTF8.GetBytes(csv), "quoted.csv");

        Assert.Equal("ready", dataset.GetProperty("status").GetString());
        Assert.Equal(3, dataset.GetProperty("rows").GetInt64());
        var preview = await user.Http.PreviewAsync(dataset);
        Assert.Equal("first line\nsecond line", preview.Cell(0, "comment").GetString());
        Assert.Equal("a, b", preview.Cell(2, "comment").GetString());
    }

    [Fact]
    public async Task a_latin1_file_is_decoded_so_accents_survive()
    {
        var user = await Platform.SignUpAsync();
        var csv = Encoding.Latin1.GetBytes("ville,habitants\nCréteil,92000\nOrléans,116000\nNîmes,148000\n");
        Assert.Contains((byte)0xE9, csv);

        var dataset = await user.Http.IngestAsync(csv, "villes.csv");

        Assert.Equal("ready", dataset.GetProperty("status").GetString());
        Assert.Equal(3, dataset.GetProperty("rows").GetInt64());
        var preview = await user.Http.PreviewAsync(dataset);
        Assert.Equal("Créteil", preview.Cell(0, "ville").GetString());
        Assert.Equal("Nîmes", preview.Cell(2, "ville").GetString());
    }

    [Fact]
    public async Task a_row_with_an_extra_field_fails_naming_its_line()
    {
        var user = await Platform.SignUpAsync();

        var dataset = await user.Http.IngestAsync(Encoding.UTF8.GetBytes("a,b,c\n1,2,3\n4,5,6\n7,8,9,10\n11,12,13\n"), "ragged.csv");

        var error = dataset.FailedBecause();
        Assert.Contains("line 4", error, StringComparison.Ordinal);
        Assert.Contains("4 fields", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_empty_file_is_a_400_and_stores_nothing()
    {
        var user = await Platform.SignUpAsync();

        var problem = await (await user.Http.PostFileAsync([], "empty.csv")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("empty", problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await (await user.Http.GetAsync("/api/v1/datasets")).JsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task a_binary_file_fails_saying_it_is_not_a_table()
    {
        var user = await Platform.SignUpAsync();
        var bytes = new byte[64 * 1024];
        new Random(13).NextBytes(bytes);

        var dataset = await user.Http.IngestAsync(bytes, "photo.csv");

        Assert.Contains("binary", dataset.FailedBecause(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task a_file_with_ten_thousand_columns_fails_at_once_naming_the_column_limit()
    {
        var user = await Platform.SignUpAsync();

        var dataset = await user.Http.IngestAsync(WideCsv(10_000), "wide.csv");

        var error = dataset.FailedBecause();
        Assert.Contains("10,000 columns", error, StringComparison.Ordinal);
        Assert.Contains("up to 2,000 columns", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_wide_file_within_the_column_limit_ingests_every_column()
    {
        var user = await Platform.SignUpAsync();

        var dataset = await user.Http.IngestAsync(WideCsv(300), "wide.csv");

        Assert.Equal("ready", dataset.GetProperty("status").GetString());
        Assert.Equal(5, dataset.GetProperty("rows").GetInt64());
        Assert.Equal(300, dataset.GetProperty("columns").GetArrayLength());
    }

    private static byte[] WideCsv(int columns)
    {
        var csv = new StringBuilder(string.Join(',', Enumerable.Range(0, columns).Select(c => $"f{c}"))).Append('\n');
        for (var row = 0; row < 5; row++)
        {
            csv.AppendJoin(',', Enumerable.Range(0, columns).Select(c => (row * 7 + c) % 11)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    [Fact]
    public async Task a_one_megabyte_cell_ingests_whole()
    {
        var user = await Platform.SignUpAsync();
        var big = new string('x', 1 << 20);

        var dataset = await user.Http.IngestAsync(Encoding.UTF8.GetBytes($"id,notes,score\n1,{big},3\n2,short,4\n3,brief,5\n"), "big-cell.csv");

        Assert.Equal("ready", dataset.GetProperty("status").GetString());
        Assert.Equal(3, dataset.GetProperty("rows").GetInt64());
        Assert.Equal(1 << 20, (await user.Http.PreviewAsync(dataset)).Cell(0, "notes").GetString()!.Length);
    }

    [Fact]
    public async Task a_header_without_rows_fails_saying_there_are_no_rows()
    {
        var user = await Platform.SignUpAsync();

        var dataset = await user.Http.IngestAsync(Encoding.UTF8.GetBytes("age,income,label\n"), "header-only.csv");

        Assert.Contains("no rows", dataset.FailedBecause(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_single_column_fails_because_it_is_not_a_table_to_train_on()
    {
        var user = await Platform.SignUpAsync();

        var dataset = await user.Http.IngestAsync(Encoding.UTF8.GetBytes("price\n10\n12\n15\n"), "one-column.csv");

        var error = dataset.FailedBecause();
        Assert.Contains("single column", error, StringComparison.Ordinal);
        Assert.Contains("'price'", error, StringComparison.Ordinal);
    }
}
