using System.Collections;
using System.Reflection;
using AutoMl.Ml.Features;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace AutoMl.Ml.Explain;

/// <summary>
/// Reads the trees out of a fitted LightGBM / FastTree / FastForest model (through the model
/// parameters' TrainedTreeEnsemble) and counts node covers by passing training rows through them.
/// </summary>
public static class TreeExtractor
{
    /// <summary>The ensembles of a model (one per class for one-vs-all models), or null when it has no trees or has a feature prefix.</summary>
    public static IReadOnlyList<ShapEnsemble>? Extract(ITransformer transformer, FeatureMatrix coverRows, int maxCoverRows = 500)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        ArgumentNullException.ThrowIfNull(coverRows);
        if (transformer is not ISingleFeaturePredictionTransformer<object> prediction)
        {
            return null;
        }

        var parts = Unwrap(prediction.Model);
        if (parts is null)
        {
            return null;
        }

        var sample = SampleRows(coverRows, maxCoverRows);
        return parts.Select(p => Build(p.Ensemble, p.Mean, sample)).ToList();
    }

    private static List<(object Ensemble, bool Mean)>? Unwrap(object model)
    {
        switch (model)
        {
            case FastForestRegressionModelParameters forest:
                return [(forest.TrainedTreeEnsemble, true)];
            case TreeEnsembleModelParametersBasedOnRegressionTree boosted:
                return [(boosted.TrainedTreeEnsemble, false)];
            case TreeEnsembleModelParametersBasedOnQuantileRegressionTree quantile:
                return [(quantile.TrainedTreeEnsemble, false)];
        }

        if (model is OneVersusAllModelParameters oneVersusAll)
        {
            var predictors = PerClassPredictors(oneVersusAll);
            return predictors.Length == 0 ? null : UnwrapAll(predictors);
        }

        var type = model.GetType();
        var sub = type.GetProperties().Where(p => p.Name == "SubModel").Select(p => p.GetValue(model)).FirstOrDefault(v => v is not null);
        if (sub is not null)
        {
            return Unwrap(sub);
        }

        return type.GetProperty("SubModelParameters")?.GetValue(model) is IEnumerable perClass ? UnwrapAll(perClass) : null;
    }

    private static List<(object Ensemble, bool Mean)>? UnwrapAll(IEnumerable perClass)
    {
        var all = new List<(object, bool)>();
        foreach (var part in perClass)
        {
            var unwrapped = part is null ? null : Unwrap(part);
            if (unwrapped is null)
            {
                return null;
            }

            all.AddRange(unwrapped);
        }

        return all;
    }

    /// <summary>
    /// The per-class models of a one-versus-all model (LightGBM's multiclass model is one: a softmax over one
    /// boosted ensemble per class). ML.NET keeps them private, so they are read by reflection; the shape is pinned
    /// with the ML.NET version, and a change shows as a failing multiclass SHAP test rather than wrong values.
    /// </summary>
    private static object[] PerClassPredictors(OneVersusAllModelParameters model)
    {
        const BindingFlags Flags = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        var impl = typeof(OneVersusAllModelParameters).GetField("_impl", Flags)?.GetValue(model);
        var predictors = impl?.GetType().GetProperty("Predictors", Flags)?.GetValue(impl) as IEnumerable;
        return predictors?.Cast<object>().ToArray() ?? [];
    }

    private static ShapEnsemble Build(object ensemble, bool mean, float[][] sample)
    {
        IReadOnlyList<RegressionTreeBase> trees;
        IReadOnlyList<double> weights;
        double bias;
        switch (ensemble)
        {
            case RegressionTreeEnsemble r:
                trees = r.Trees;
                weights = r.TreeWeights;
                bias = r.Bias;
                break;
            case QuantileRegressionTreeEnsemble q:
                trees = q.Trees;
                weights = q.TreeWeights;
                bias = q.Bias;
                break;
            default:
                throw new NotSupportedException(ensemble.GetType().Name);
        }

        var shapTrees = trees.Select((t, i) => Convert(t, weights[i], sample)).ToList();
        return new ShapEnsemble(shapTrees, bias, mean && shapTrees.Count > 0 ? 1.0 / shapTrees.Count : 1);
    }

    private static ShapTree Convert(RegressionTreeBase tree, double weight, float[][] sample)
    {
        var internals = tree.NumberOfNodes;
        var leaves = tree.NumberOfLeaves;
        var n = internals + leaves;
        var left = new int[n];
        var right = new int[n];
        var feature = new int[n];
        var threshold = new float[n];
        var value = new double[n];
        Array.Fill(left, -1);
        Array.Fill(right, -1);
        int Map(int child) => child < 0 ? internals + ~child : child;

        // ML.NET's tree properties are views; copy each once instead of indexing through them per node.
        var leftChild = tree.LeftChild.ToArray();
        var rightChild = tree.RightChild.ToArray();
        var splitFeature = tree.NumericalSplitFeatureIndexes.ToArray();
        var splitThreshold = tree.NumericalSplitThresholds.ToArray();
        var leafValues = tree.LeafValues.ToArray();
        for (var i = 0; i < internals; i++)
        {
            left[i] = Map(leftChild[i]);
            right[i] = Map(rightChild[i]);
            feature[i] = splitFeature[i];
            threshold[i] = splitThreshold[i];
        }

        for (var j = 0; j < leaves; j++)
        {
            value[internals + j] = leafValues[j];
        }

        // A tree of one leaf: node 0 is that leaf.
        if (internals == 0)
        {
            return new ShapTree([-1], [-1], [0], [0], [leafValues[0]], [1], weight);
        }

        var cover = new double[n];
        var shell = new ShapTree(left, right, feature, threshold, value, cover, weight);
        foreach (var row in sample)
        {
            cover[shell.Leaf(row)] += 1;
        }

        // Smoothing keeps every branch's share positive, so TreeSHAP never divides by zero; sums stay consistent.
        for (var i = internals; i < n; i++)
        {
            cover[i] += 1e-3;
        }

        Accumulate(0);
        return shell;

        double Accumulate(int node)
        {
            if (left[node] < 0)
            {
                return cover[node];
            }

            cover[node] = Accumulate(left[node]) + Accumulate(right[node]);
            return cover[node];
        }
    }

    private static float[][] SampleRows(FeatureMatrix matrix, int max)
    {
        var n = matrix.RowCount;
        var take = Math.Min(n, max);
        var rows = new float[take][];
        for (var i = 0; i < take; i++)
        {
            var source = (int)((long)i * n / take);
            rows[i] = new float[matrix.FeatureCount];
            matrix.CopyRow(source, rows[i]);
        }

        return rows;
    }
}
