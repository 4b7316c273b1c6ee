using System.Globalization;
using AutoMl.Ml.Bundle;

namespace AutoMl.Ml.Tests;

/// <summary>
/// Models trained before engine 1.1 are in users' registries: tests/data/ml/engine-1.0 holds a bundle the 1.0 engine
/// saved (penguins, commit d03b15a, bench/Engine train --budget 5 --seed 1) and the probabilities it predicted then.
/// </summary>
public class PreviousEngineTests
{
    [Fact]
    public async Task a_bundle_of_engine_1_0_loads_and_predicts_what_it_predicted_then()
    {
        var bundle = ModelBundle.Load(TestData.File("engine-1.0/penguins.bundle"));
        await using var rows = File.OpenRead(TestData.File("engine-1.0/rows.csv"));

        var predictions = await bundle.PredictCsvAsync(rows);

        var expected = File.ReadAllLines(TestData.File("engine-1.0/expected.csv"));
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

        Assert.StartsWith("1.0.", bundle.Manifest.EngineVersion, StringComparison.Ordinal);
        Assert.NotEqual(EngineVersion.Current, bundle.Manifest.EngineVersion);
    }
}
