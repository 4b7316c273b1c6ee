using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoMl.Ml.Bundle;
using AutoMl.Ml.Serialization;

namespace AutoMl.Ml.Tests;

[Collection(Trained.Collection)]
public class BundleTests(Trained trained)
{
    [Fact]
    public async Task a_saved_model_predicts_identically_in_a_fresh_process()
    {
        var result = await trained.Pima;
        var folder = TestData.NewFolder();
        var bundlePath = Path.Combine(folder, "pima.bundle");
        result.Bundle.Save(bundlePath);
        var rows = await Trained.RowsAsync("pima_diabetes.csv", 20);
        var rowsPath = Path.Combine(folder, "rows.json");
        await File.WriteAllTextAsync(rowsPath, JsonSerializer.Serialize(rows, MlJson.Options));
        var reloaded = JsonSerializer.Deserialize<List<Dictionary<string, object?>>>(await File.ReadAllTextAsync(rowsPath), MlJson.Options)!;
        var here = JsonSerializer.Serialize(reloaded.Select(r => result.Bundle.Predict(r, explain: true)).ToList(), MlJson.Options);

        var there = await FreshProcess.PredictAsync(bundlePath, rowsPath);

        Assert.Equal(here, there);
        Assert.Contains("\"probabilities\":{\"neg\":", there, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_bundle_of_another_major_version_is_refused_with_a_clear_error()
    {
        var result = await trained.Pima;
        using var file = new MemoryStream();
        result.Bundle.Save(file);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("manifest.json")!;
            JsonNode manifest;
            using (var read = entry.Open())
            {
                manifest = JsonNode.Parse(read)!;
            }

            manifest["formatMajor"] = EngineVersion.Major + 1;
            manifest["engineVersion"] = $"{EngineVersion.Major + 1}.0.0";
            entry.Delete();
            using var write = zip.CreateEntry("manifest.json").Open();
            write.Write(Encoding.UTF8.GetBytes(manifest.ToJsonString()));
        }

        file.Position = 0;
        var error = Assert.Throws<BundleVersionException>(() => ModelBundle.Load(file));

        Assert.Contains($"engine {EngineVersion.Major + 1}.0.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("Retrain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task csv_stream_predictions_match_row_predictions_and_unknown_categories_are_tolerated()
    {
        var result = await trained.Penguins;
        var csv = "island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex\n" +
                  "Torgersen,39.1,18.7,181,3750,male\n" +
                  "Atlantis,46.5,14.5,213,4400,female\n" +
                  "Dream,NA,,,,\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));

        var fromCsv = await result.Bundle.PredictCsvAsync(stream);
        var fromRow = result.Bundle.Predict(new Dictionary<string, object?>
        {
            ["island"] = "Torgersen",
            ["bill_length_mm"] = 39.1,
            ["bill_depth_mm"] = 18.7,
            ["flipper_length_mm"] = 181,
            ["body_mass_g"] = 3750,
            ["sex"] = "male",
        });

        Assert.Equal(3, fromCsv.Count);
        Assert.Equal("Adelie", fromCsv[0].Label);
        Assert.Equal("Gentoo", fromCsv[1].Label);
        Assert.Equal(fromRow.Probabilities!["Adelie"], fromCsv[0].Probabilities!["Adelie"], 6);
        Assert.All(fromCsv, p => Assert.Equal(1.0, p.Probabilities!.Values.Sum(), 6));
        Assert.Equal(["Adelie", "Chinstrap", "Gentoo"], result.Bundle.Classes);
    }

    [Fact]
    public async Task the_training_result_serialises_to_camel_case_json_without_the_bundle()
    {
        var result = await trained.Boston;

        var json = JsonSerializer.Serialize(result, MlJson.Options);

        Assert.Contains("\"task\":\"regression\"", json, StringComparison.Ordinal);
        Assert.Contains("\"leaderboard\":[{\"rank\":1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"bundle\"", json, StringComparison.Ordinal);
    }
}
