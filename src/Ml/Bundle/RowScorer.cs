using AutoMl.Ml.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMl.Ml.Bundle;

/// <summary>
/// Cached PredictionEngines for one fitted model: single-row scoring without building an IDataView
/// per call. Not thread-safe; the bundle pools them.
/// </summary>
internal sealed class RowScorer
{
    private readonly FittedModel _model;
    private readonly PredictionEngine<FeatureInput, ScoreOutput>[] _scores = [];
    private readonly PredictionEngine<FeatureInput, ProbabilityOutput>? _probability;
    private readonly PredictionEngine<FeatureInput, VectorScoreOutput>? _vector;

    public RowScorer(MLContext ml, FittedModel model, SchemaDefinition input)
    {
        _model = model;
        switch (model.Kind)
        {
            case OutputKind.BinaryProbability:
                _probability = ml.Model.CreatePredictionEngine<FeatureInput, ProbabilityOutput>(model.Transformers[0], inputSchemaDefinition: input);
                break;
            case OutputKind.MulticlassScores:
                _vector = ml.Model.CreatePredictionEngine<FeatureInput, VectorScoreOutput>(model.Transformers[0], inputSchemaDefinition: input);
                break;
            case OutputKind.Regression:
            case OutputKind.LogRegression:
            case OutputKind.RegressionAsProbability:
            case OutputKind.OneVsRestRegression:
                _scores = model.Transformers.Select(t => ml.Model.CreatePredictionEngine<FeatureInput, ScoreOutput>(t, inputSchemaDefinition: input)).ToArray();
                break;
            case OutputKind.Constant:
                break;
        }
    }

    public void Score(FeatureInput input, Span<double> output)
    {
        switch (_model.Kind)
        {
            case OutputKind.Constant:
                _model.Constant.AsSpan().CopyTo(output);
                break;
            case OutputKind.Regression:
                output[0] = _scores[0].Predict(input).Score;
                break;
            case OutputKind.LogRegression:
                output[0] = Math.Exp(_scores[0].Predict(input).Score);
                break;
            case OutputKind.RegressionAsProbability:
                output[0] = Math.Clamp(_scores[0].Predict(input).Score, 0, 1);
                break;
            case OutputKind.BinaryProbability:
                output[0] = _probability!.Predict(input).Probability;
                break;
            case OutputKind.MulticlassScores:
                {
                    var score = _vector!.Predict(input).Score;
                    for (var k = 0; k < output.Length; k++)
                    {
                        output[k] = k < score.Length ? score[k] : 0;
                    }

                    break;
                }

            case OutputKind.OneVsRestRegression:
                {
                    double sum = 0;
                    for (var k = 0; k < output.Length; k++)
                    {
                        output[k] = Math.Clamp(_scores[k].Predict(input).Score, 0, 1);
                        sum += output[k];
                    }

                    for (var k = 0; k < output.Length; k++)
                    {
                        output[k] = sum > 0 ? output[k] / sum : 1.0 / output.Length;
                    }

                    break;
                }
        }
    }
}
