using System.Globalization;
using System.Text;
using AutoMl.Ml.Bundle;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Features;
using AutoMl.Ml.Schema;
using AutoMl.Ml.Training;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace AutoMl.Ml.Tests;

/// <summary>Issue 29: the bundle as one ONNX graph (featuriser, members, weights) predicts what the bundle predicts.</summary>
[Collection(Trained.Collection)]
public class OnnxExportTests(Trained trained)
{
    [Fact]
    public async Task binary_ensemble_in_onnx_runtime_matches_the_bundle()
    {
        var bundle = (await trained.Pima).Bundle;
        var rows = await Trained.RowsAsync("pima_diabetes.csv", 60);
        var onnx = Run(bundle.ToOnnx(), bundle, rows, "probability");
        var expected = bundle.Predict(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(expected[i].Probabilities![bundle.Classes[1]], onnx[i][0], 1e-5);
        }
    }

    [Fact]
    public async Task multiclass_ensemble_with_categories_in_onnx_runtime_matches_the_bundle()
    {
        var bundle = (await trained.Penguins).Bundle;
        var rows = await Trained.RowsAsync("penguins.csv", 60);
        var onnx = Run(bundle.ToOnnx(), bundle, rows, "probabilities");
        var expected = bundle.Predict(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            for (var k = 0; k < bundle.Classes.Count; k++)
            {
                Assert.Equal(expected[i].Probabilities![bundle.Classes[k]], onnx[i][k], 1e-5);
            }
        }
    }

    [Fact]
    public async Task regression_with_a_total_of_alike_columns_in_onnx_runtime_matches_the_bundle()
    {
        var random = new Random(11);
        var csv = new StringBuilder("plan_day_cost,plan_eve_cost,plan_night_cost,tenure,target\n");
        for (var i = 0; i < 2500; i++)
        {
            var costs = new[] { random.NextDouble() * 50, random.NextDouble() * 50, random.NextDouble() * 50 };
            // Every 50th row misses its night cost: the total counts it as the median, in ONNX too.
            var night = i % 50 == 0 ? "" : costs[2].ToString("0.###", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{costs[0]:0.###},{costs[1]:0.###},{night},{random.Next(1, 200)},{costs.Sum() + (random.NextDouble() - 0.5) * 4:0.###}\n");
        }

        var ingest = await TestData.IngestTextAsync(csv.ToString());
        var bundle = (await AutoMlEngine.TrainAsync(new TrainingRequest
        {
            DataPath = ingest.ParquetPath,
            Target = "target",
            Budget = Trained.CountedTrialsBudget,
            MaxTrials = 4,
            Learners = [Learner.LightGbm, Learner.Linear],
        })).Bundle;
        Assert.Contains(bundle.Featurizer.Spec.Columns, c => c.Encoding == FeatureEncoding.GroupTotal);
        var frame = await ProcessedParquet.LoadAsync(ingest.ParquetPath);
        var rows = Enumerable.Range(0, 60).Select(i => (IReadOnlyDictionary<string, object?>)frame.Columns.Where(c => c.Name != "target")
            .ToDictionary(c => c.Name, c => c.ValueAt(i * 40))).ToList();

        var onnx = Run(bundle.ToOnnx(), bundle, rows, "value");
        var expected = bundle.Predict(rows);
        Assert.Contains(rows, r => r["plan_night_cost"] is null);
        for (var i = 0; i < rows.Count; i++)
        {
            // float32 in the graph: 1e-5 of the value (targets run to 150).
            Assert.True(Math.Abs(expected[i].Value!.Value - onnx[i][0]) <= 1e-5 * Math.Max(1, Math.Abs(expected[i].Value!.Value)), $"row {i}: {expected[i].Value} vs {onnx[i][0]}");
        }
    }

    /// <summary>Scores rows with ONNX Runtime: numbers as float (NaN when missing), categories as strings.</summary>
    internal static List<float[]> Run(byte[] model, ModelBundle bundle, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, string output)
    {
        using var session = new InferenceSession(model);
        var inputs = new List<NamedOnnxValue>();
        foreach (var (name, metadata) in session.InputMetadata)
        {
            var values = rows.Select(r => r.TryGetValue(name, out var v) ? v : null).ToList();
            if (metadata.ElementDataType == TensorElementType.String)
            {
                inputs.Add(NamedOnnxValue.CreateFromTensor(name, new DenseTensor<string>(values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToArray(), [rows.Count, 1])));
            }
            else
            {
                inputs.Add(NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(values.Select(v => v is null ? float.NaN : Convert.ToSingle(v, CultureInfo.InvariantCulture)).ToArray(), [rows.Count, 1])));
            }
        }

        Assert.Equal(bundle.Manifest.InputColumns.Count(c => c.Kind != ColumnKind.Identifier && c.Kind != ColumnKind.Text), session.InputMetadata.Count);
        using var results = session.Run(inputs, [output]);
        var tensor = results[0].AsTensor<float>();
        var width = tensor.Dimensions[1];
        return Enumerable.Range(0, rows.Count).Select(i => Enumerable.Range(0, width).Select(k => tensor[i, k]).ToArray()).ToList();
    }
}
