using AutoMl.Domain.Exports;

namespace AutoMl.Domain.Tests.Exports;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"win\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"win\"\")\"")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    public void a_cell_a_spreadsheet_would_run_is_shown_as_text(string value, string written) => Assert.Equal(written, CsvCell.Text(value));

    [Theory]
    [InlineData("-1.5")]
    [InlineData("+3")]
    [InlineData("-2e10")]
    [InlineData("neg")]
    [InlineData("")]
    public void a_number_or_plain_text_stays_as_it_is(string value) => Assert.Equal(value, CsvCell.Text(value));
}
