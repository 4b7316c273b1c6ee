using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using AutoMl.Ml.Bundle;
using AutoMl.Ml.Explain;
using AutoMl.Ml.Training;

namespace AutoMl.Ml.Tests;

[Collection(Trained.Collection)]
public class FeatureEffectsTests(Trained trained)
{
    /// <summary>price rises with size by a straight line; age takes a little off; colour and noise do nothing.</summary>
    public static string MonotoneCsv(int rows = 1500, int seed = 21)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("size,age,colour,noise,price\n");
        string[] colours = ["red", "green", "blue"];
        for (var i = 0; i < rows; i++)
        {
            var size = random.NextDouble() * 100;
            var age = random.NextDouble() * 10;
            csv.Append(CultureInfo.InvariantCulture,
                $"{size:0.000},{age:0.000},{colours[random.Next(3)]},{random.NextDouble():0.000},{5 * size - age + random.NextDouble():0.000}\n");
        }
        return csv.ToString();
    }

    [Fact]
    public async Task the_partial_dependence_of_a_feature_the_target_rises_with_is_monotone_in_the_stored_bundle()
    {
        var ingest = await TestData.IngestTextAsync(MonotoneCsv(), "prices.csv");
        var trained = await AutoMlEngine.TrainAsync(new TrainingRequest
        {
            DataPath = ingest.ParquetPath,
            Target = "price",
            Budget = TimeSpan.FromSeconds(60),
            MaxTrials = 4,
            Learners = [Learner.LightGbm],
        });
        var result = await AutoMlEngine.WithFeatureEffectsAsync(trained, ingest.ParquetPath, TimeSpan.FromSeconds(6));
        using var file = new MemoryStream();
        result.Bundle.Save(file);
        file.Position = 0;
        var effects = ModelBundle.Load(file).Manifest.Effects;

        Assert.NotNull(effects);
        Assert.Null(effects.OutputClass);
        var size = Assert.Single(effects.PartialDependence, p => p.Feature == "size");
        Assert.Equal("numeric", size.Kind);
        Assert.Equal(FeatureEffectsBuilder.GridPoints, size.Grid.Count);
        Assert.True(size.Grid.Zip(size.Grid.Skip(1)).All(g => g.First < g.Second), "the grid runs from the smallest to the largest size");
        Assert.True(size.Average.Zip(size.Average.Skip(1)).All(a => a.Second >= a.First), $"not monotone: {string.Join(", ", size.Average.Select(a => a.ToString("0.0", CultureInfo.InvariantCulture)))}");
        // From the smallest size to the largest the price rises by about 5 × the size's range.
        Assert.InRange((size.Average[^1] - size.Average[0]) / (size.Grid[^1] - size.Grid[0]), 4, 6);
        Assert.Equal(FeatureEffectsBuilder.IceRows, size.Ice.Count);
        Assert.All(size.Ice, line => Assert.Equal(size.Grid.Count, line.Count));
        Assert.Equal("size", effects.PartialDependence[0].Feature);
        var colour = Assert.Single(effects.PartialDependence, p => p.Feature == "colour");
        Assert.Equal("categorical", colour.Kind);
        Assert.Equal(["blue", "green", "red"], colour.Levels!.Order(StringComparer.Ordinal));
        // A column that does nothing moves the price by little next to size's 500.
        Assert.True(colour.Average.Max() - colour.Average.Min() < 25, $"colour moves the price by {colour.Average.Max() - colour.Average.Min():0.0}");

        var shap = Assert.Single(effects.ShapSummary, s => s.Feature == "size");
        Assert.InRange(shap.Points.Count, 20, FeatureEffectsBuilder.ShapRows);
        // Large sizes push the price up, small ones down.
        var ordered = shap.Points.OrderBy(p => p.Value).ToList();
        Assert.True(ordered[0].Shap < 0 && ordered[^1].Shap > 0);
        Assert.All(Assert.Single(effects.ShapSummary, s => s.Feature == "colour").Points, p => Assert.NotNull(p.Level));
    }

    [Fact]
    public async Task a_binary_model_shows_the_positive_class_probability_and_a_multiclass_one_its_most_predicted_class()
    {
        var pima = (await trained.Pima).Bundle.Manifest.Effects!;
        Assert.Equal("pos", pima.OutputClass);
        // Exact SHAP of a bag of fold models is slow on a busy machine: the cap may cut the summary short, never the curves.
        Assert.True(pima.Note is null || pima.Note.StartsWith("The SHAP summary covers", StringComparison.Ordinal), pima.Note);
        Assert.Empty(pima.Skipped);
        Assert.NotEmpty(pima.PartialDependence);
        Assert.All(pima.PartialDependence.SelectMany(p => p.Average), a => Assert.InRange(a, 0, 1));
        Assert.True(pima.PartialDependence.Count <= FeatureEffectsBuilder.MaxFeatures);

        var penguins = (await trained.Penguins).Bundle;
        Assert.Contains(penguins.Manifest.Effects!.OutputClass, penguins.Classes);
        Assert.NotEmpty(penguins.Manifest.Effects.ShapSummary);
    }

    [Fact]
    public async Task a_bundle_written_before_feature_effects_still_loads_without_them()
    {
        var result = await trained.Boston;
        using var file = new MemoryStream();
        result.Bundle.Save(file);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("manifest.json")!;
            JsonObject manifest;
            using (var stream = entry.Open())
            {
                manifest = JsonNode.Parse(stream)!.AsObject();
            }
            Assert.True(manifest.Remove("effects"));
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open());
            writer.Write(manifest.ToJsonString());
        }
        file.Position = 0;

        var loaded = ModelBundle.Load(file);

        Assert.Null(loaded.Manifest.Effects);
        Assert.Equal(result.Bundle.Manifest.InputColumns.Count, loaded.Manifest.InputColumns.Count);
    }
}
