using System.Globalization;
using AutoMl.Ml.Bundle;

namespace AutoMl.Ml.Tests;

/// <summary>
/// Models trained by earlier engines are in users' registries: tests/data/ml/engine-1.0 holds a bundle the 1.0 engine
/// saved (penguins, commit d03b15a, bench/Engine train --budget 5 --seed 1), engine-1.1 one the 1.1 engine saved (pima,
/// commit 5c9acd8, --budget 3 --seed 1: linear, LightGBM, FastTree and FastForest members), each with the probabilities
/// it predicted then.
/// </summary>
public class PreviousEngineTests
{
    [Fact]
    public Task a_bundle_of_engine_1_0_loads_and_predicts_what_it_predicted_then() => AssertPredictsAsThen("engine-1.0", "penguins.bundle", "1.0.");

    [Fact]
    public Task a_bundle_of_engine_1_1_loads_and_predicts_what_it_predicted_then() => AssertPredictsAsThen("engine-1.1", "pima.bundle", "1.1.");

    private static async Task AssertPredictsAsThen(string folder, string file, string version)
    {
        var bundle = ModelBundle.Load(TestData.File($"{folder}/{file}"));
        await using var rows = File.OpenRead(TestData.File($"{folder}/rows.csv"));

        var predictions = await bundle.PredictCsvAsync(rows);

        var expected = File.ReadAllLines(TestData.File($"{folder}/expected.csv"));
        var classes = expected[0].Split(',')[..^1];
        Assert.Equal(expected.Length - 1, predictions.Count);
        for (var i = 0; i < predictions.Count; i++)
        {
            var cells = expected[i + 1].Split(',');
            Assert.Equal(cells[^1], predictions[i].Label);
            for (var k = 0; k < classes.Length; k++)
            {
                Assert.Equal(double.Parse(cells[k], CultureInfo.InvariantCulture), predictions[i].Probabilities![classes[k]], 9);
            }
        }

        Assert.StartsWith(version, bundle.Manifest.EngineVersion, StringComparison.Ordinal);
        Assert.NotEqual(EngineVersion.Current, bundle.Manifest.EngineVersion);
    }
}
