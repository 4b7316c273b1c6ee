using AutoMl.Ml.Schema;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMl.Ml.Training;

/// <summary>One trained predictor: a fold's model (or one per class for one-vs-rest), or the constant.</summary>
public sealed class FittedModel(OutputKind kind, IReadOnlyList<ITransformer> transformers, double[]? constant = null)
{
    public OutputKind Kind { get; } = kind;

    public IReadOnlyList<ITransformer> Transformers { get; } = transformers;

    /// <summary>The C values a constant model predicts for every row.</summary>
    public double[]? Constant { get; } = constant;

    /// <summary>Predictions laid out n×C (see <see cref="Metrics.Scoring"/>).</summary>
    public double[] Predict(IDataView features, int rows, TaskKind task, int classCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        var c = task == TaskKind.Multiclass ? classCount : 1;
        var output = new double[rows * c];
        switch (Kind)
        {
            case OutputKind.Constant:
                for (var i = 0; i < rows; i++)
                {
                    Array.Copy(Constant!, 0, output, i * c, c);
                }

                break;
            case OutputKind.Regression:
                Fill(Transformers[0].Transform(features), "Score", output, 1, 0, v => v);
                break;
            case OutputKind.LogRegression:
                Fill(Transformers[0].Transform(features), "Score", output, 1, 0, Math.Exp);
                break;
            case OutputKind.BinaryProbability:
                Fill(Transformers[0].Transform(features), "Probability", output, 1, 0, v => v);
                break;
            case OutputKind.RegressionAsProbability:
                Fill(Transformers[0].Transform(features), "Score", output, 1, 0, v => Math.Clamp(v, 0, 1));
                break;
            case OutputKind.MulticlassScores:
                {
                    var i = 0;
                    foreach (var row in Transformers[0].Transform(features).GetColumn<float[]>("Score"))
                    {
                        for (var k = 0; k < c; k++)
                        {
                            output[i * c + k] = k < row.Length ? row[k] : 0;
                        }

                        i++;
                    }

                    break;
                }

            case OutputKind.OneVsRestRegression:
                for (var k = 0; k < c; k++)
                {
                    Fill(Transformers[k].Transform(features), "Score", output, c, k, v => Math.Clamp(v, 0, 1));
                }

                Normalise(output, c);
                break;
        }

        return output;
    }

    public static void Normalise(double[] output, int c)
    {
        for (var i = 0; i < output.Length; i += c)
        {
            double sum = 0;
            for (var k = 0; k < c; k++)
            {
                sum += output[i + k];
            }

            for (var k = 0; k < c; k++)
            {
                output[i + k] = sum > 0 ? output[i + k] / sum : 1.0 / c;
            }
        }
    }

    private static void Fill(IDataView scored, string column, double[] output, int stride, int offset, Func<double, double> map)
    {
        var i = 0;
        foreach (var v in scored.GetColumn<float>(column))
        {
            output[i * stride + offset] = map(v);
            i++;
        }
    }
}
