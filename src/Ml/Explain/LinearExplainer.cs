using System.Collections;
using System.Collections.Immutable;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;

namespace AutoMl.Ml.Explain;

/// <summary>
/// Exact SHAP of a linear model over independent features: φⱼ = wⱼ (xⱼ − E[xⱼ]), with the normaliser in front of
/// the trainer folded into the weights, so the values are in the raw score's units (log-odds, class score, value).
/// </summary>
public sealed class LinearExplainer
{
    private readonly double[][] _weights;
    private readonly double[] _biases;
    private readonly double[] _means;

    private LinearExplainer(double[][] weights, double[] biases, IReadOnlyList<double> means)
    {
        _weights = weights;
        _biases = biases;
        _means = means.ToArray();
    }

    /// <summary>One weight vector per class for multiclass models, one otherwise.</summary>
    public int Outputs => _weights.Length;

    /// <summary>
    /// Reads a fitted [normaliser →] linear model; null for anything else (trees, a text featuriser in front),
    /// or when the means do not match the model's width.
    /// </summary>
    public static LinearExplainer? TryExtract(ITransformer transformer, IReadOnlyList<double> featureMeans)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        ArgumentNullException.ThrowIfNull(featureMeans);
        var parts = transformer is IEnumerable chain and not ISingleFeaturePredictionTransformer<object>
            ? chain.Cast<ITransformer>().ToList()
            : [transformer];
        if (parts.Count is < 1 or > 2 || parts[^1] is not ISingleFeaturePredictionTransformer<object> prediction)
        {
            return null;
        }

        var width = featureMeans.Count;
        var scale = Enumerable.Repeat(1.0, width).ToArray();
        var offset = new double[width];
        if (parts.Count == 2 && !TryReadAffine(parts[0], scale, offset))
        {
            return null;
        }

        var (weights, biases) = ReadLinear(prediction.Model, width);
        if (weights is null)
        {
            return null;
        }

        // score = b + Σ w (x − o) s  =  (b − Σ w s o) + Σ (w s) x
        for (var k = 0; k < weights.Length; k++)
        {
            for (var j = 0; j < width; j++)
            {
                weights[k][j] *= scale[j];
                biases[k] -= weights[k][j] * offset[j];
            }
        }

        return new LinearExplainer(weights, biases, featureMeans);
    }

    /// <summary>The raw score of the mean row: what the SHAP values of a row are added to.</summary>
    public double ExpectedValue(int output)
    {
        var w = _weights[Math.Min(output, _weights.Length - 1)];
        var sum = _biases[Math.Min(output, _biases.Length - 1)];
        for (var j = 0; j < w.Length; j++)
        {
            sum += w[j] * _means[j];
        }

        return sum;
    }

    public double[] Shap(ReadOnlySpan<float> x, int output)
    {
        var w = _weights[Math.Min(output, _weights.Length - 1)];
        var phi = new double[w.Length];
        for (var j = 0; j < w.Length; j++)
        {
            phi[j] = w[j] * (x[j] - _means[j]);
        }

        return phi;
    }

    private static bool TryReadAffine(ITransformer transformer, double[] scale, double[] offset)
    {
        if (transformer is not NormalizingTransformer normaliser
            || normaliser.GetNormalizerModelParameters(0) is not NormalizingTransformer.AffineNormalizerModelParameters<ImmutableArray<float>> affine
            || affine.Scale.Length != scale.Length)
        {
            return false;
        }

        for (var j = 0; j < scale.Length; j++)
        {
            scale[j] = affine.Scale[j];
            offset[j] = affine.Offset.IsDefaultOrEmpty ? 0 : affine.Offset[j];
        }

        return true;
    }

    private static (double[][]? Weights, double[] Biases) ReadLinear(object model, int width)
    {
        switch (model)
        {
            case CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> calibrated:
                return ReadLinear(calibrated.SubModel, width);
            case CalibratedModelParametersBase<LinearBinaryModelParameters, ICalibrator> anyCalibrator:
                return ReadLinear(anyCalibrator.SubModel, width);
            case LinearModelParameters linear when linear.Weights.Count == width:
                return ([linear.Weights.Select(w => (double)w).ToArray()], [linear.Bias]);
            case LinearMulticlassModelParametersBase multiclass:
                VBuffer<float>[] perClass = [];
                multiclass.GetWeights(ref perClass, out var classes);
                var biases = multiclass.GetBiases().Select(b => (double)b).ToArray();
                if (perClass.Length != classes || biases.Length != classes || perClass.Any(v => v.Length != width))
                {
                    return (null, []);
                }

                return (perClass.Select(v => v.DenseValues().Select(w => (double)w).ToArray()).ToArray(), biases);
            default:
                return (null, []);
        }
    }
}
