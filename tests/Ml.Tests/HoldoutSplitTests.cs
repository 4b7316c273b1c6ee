using System.Globalization;
using System.Text;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Data;
using AutoMl.Ml.Evaluation;
using AutoMl.Ml.Metrics;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Tests;

/// <summary>The rows a workflow run sets aside: newest by time, or new to the champion, and never trained on.</summary>
public sealed class HoldoutSplitTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("automl-holdout-");

    public void Dispose() => work.Delete(recursive: true);

    /// <summary>Hourly rows; label "rare" on every 40th row (2.5%), otherwise yes/no by x.</summary>
    private async Task<string> ParquetAsync(string name, int from, int count)
    {
        var csv = new StringBuilder("when,x,label\n");
        for (var i = from; i < from + count; i++)
        {
            var label = i % 40 == 0 ? "rare" : i % 3 == 0 ? "yes" : "no";
            csv.Append(CultureInfo.InvariantCulture, $"{new DateTime(2025, 1, 1).AddHours(i):yyyy-MM-dd HH:mm:ss},{i * 0.5},{label}\n");
        }
        var path = Path.Combine(work.FullName, name + ".csv");
        await File.WriteAllTextAsync(path, csv.ToString());
        var parquet = Path.Combine(work.FullName, name + ".parquet");
        await TabularReader.IngestAsync(path, parquet);
        return parquet;
    }

    private string Out(string name) => Path.Combine(work.FullName, name);

    [Fact]
    public async Task a_time_split_holds_out_the_newest_fifth_and_extends_it_until_every_class_has_fifty_rows()
    {
        var data = await ParquetAsync("all", 0, 5000);
        var summary = await HoldoutSplit.SplitAsync(data, Out("train.parquet"), Out("holdout.parquet"), new HoldoutPlan("label", true, "when", null));

        // 20% is 1,000 rows, but "rare" (one row in forty) has its 50th newest row 2,000 rows back.
        Assert.Equal(HoldoutSplit.TimeMethod, summary.Method);
        Assert.Equal(2000, summary.HoldoutRows);
        Assert.Equal(3000, summary.TrainRows);
        var holdout = await ProcessedParquet.LoadAsync(Out("holdout.parquet"));
        var train = await ProcessedParquet.LoadAsync(Out("train.parquet"));
        var newestTrained = train["when"].Seconds!.Max();
        Assert.All(holdout["when"].Seconds!, s => Assert.True(s > newestTrained));
        Assert.Equal(50, Enumerable.Range(0, holdout.RowCount).Count(i => (string?)holdout["label"].ValueAt(i) == "rare"));
    }

    [Fact]
    public async Task a_small_time_split_takes_five_hundred_rows_but_never_more_than_half()
    {
        var data = await ParquetAsync("small", 1, 800);
        var summary = await HoldoutSplit.SplitAsync(data, Out("train.parquet"), Out("holdout.parquet"), new HoldoutPlan("label", false, "when", null));
        Assert.Equal(400, summary.HoldoutRows);
        Assert.Equal(400, summary.TrainRows);
    }

    [Fact]
    public async Task without_a_time_column_only_rows_the_champion_never_saw_are_held_out()
    {
        var old = await ParquetAsync("old", 0, 3000);
        var data = await ParquetAsync("new", 0, 6000);
        var summary = await HoldoutSplit.SplitAsync(data, Out("train.parquet"), Out("holdout.parquet"), new HoldoutPlan("label", true, null, old));

        Assert.Equal(HoldoutSplit.NovelMethod, summary.Method);
        Assert.Equal(6000, summary.HoldoutRows + summary.TrainRows);
        Assert.InRange(summary.HoldoutRows, 600, 700);
        var holdout = await ProcessedParquet.LoadAsync(Out("holdout.parquet"));
        var oldestNew = new DateTime(2025, 1, 1).AddHours(3000);
        Assert.All(holdout["when"].Seconds!, s => Assert.True(DateTime.UnixEpoch.AddSeconds(s) >= oldestNew));
        Assert.Contains("did not train on", summary.Description, StringComparison.Ordinal);

        // The same split twice: rows are chosen by their content, not at random.
        var again = await HoldoutSplit.SplitAsync(data, Out("train2.parquet"), Out("holdout2.parquet"), new HoldoutPlan("label", true, null, old));
        Assert.Equal(summary.HoldoutRows, again.HoldoutRows);
    }

    [Fact]
    public async Task the_rows_the_champions_own_run_held_out_count_as_never_trained_on()
    {
        var old = await ParquetAsync("old", 0, 3000);
        var held = await ParquetAsync("held", 2400, 600);
        var summary = await HoldoutSplit.SplitAsync(old, Out("train.parquet"), Out("holdout.parquet"),
            new HoldoutPlan("label", true, null, old) { ChampionHeldOut = held });

        // The same version again: only the 600 rows the champion's run held out are new to it.
        Assert.Contains("of the 600 rows the model holding production did not train on (2,400 of the 3,000 rows it did)", summary.Description, StringComparison.Ordinal);
        Assert.InRange(summary.HoldoutRows, 280, 320);
        var holdout = await ProcessedParquet.LoadAsync(Out("holdout.parquet"));
        Assert.All(holdout["x"].Numbers!, x => Assert.True(x >= 2400 * 0.5));
    }

    [Fact]
    public void the_paired_bootstrap_finds_a_real_gain_and_none_between_a_model_and_itself()
    {
        var random = new Random(3);
        var y = Enumerable.Range(0, 600).Select(_ => (double)random.Next(2)).ToArray();
        var good = y.Select(v => Math.Clamp(v * 0.6 + 0.2 + (random.NextDouble() - 0.5) * 0.5, 0, 1)).ToArray();
        var weak = y.Select(v => Math.Clamp(v * 0.2 + 0.4 + (random.NextDouble() - 0.5) * 0.8, 0, 1)).ToArray();
        var better = HoldoutScoring.Compare(MetricKind.Auc, new ScoredRows(TaskKind.Binary, y, good), new ScoredRows(TaskKind.Binary, y, weak));
        Assert.True(better.Gain > 0.05, better.ToString());
        Assert.True(better.Lower > 0, better.ToString());
        Assert.True(better.Lower < better.Gain && better.Gain < better.Upper);

        var same = HoldoutScoring.Compare(MetricKind.LogLoss, new ScoredRows(TaskKind.Binary, y, good), new ScoredRows(TaskKind.Binary, y, good));
        Assert.Equal(0, same.Gain);
        Assert.Equal(0, same.Lower);
    }
}
