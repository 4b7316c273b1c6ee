namespace AutoMl.Ml.Explain;

/// <summary>A tree ensemble whose raw score is Bias + Scale × Σ weight × leaf value.</summary>
public sealed class ShapEnsemble(IReadOnlyList<ShapTree> trees, double bias, double scale)
{
    public IReadOnlyList<ShapTree> Trees { get; } = trees;

    public double Bias { get; } = bias;

    /// <summary>1/T for forests whose output is the mean of their trees, else 1.</summary>
    public double Scale { get; } = scale;

    public double RawScore(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (var tree in Trees)
        {
            sum += tree.Weight * tree.Value[tree.Leaf(x)];
        }

        return Bias + Scale * sum;
    }

    public double ExpectedValue() => Bias + Scale * Trees.Sum(t => t.Weight * t.ExpectedValue());

    /// <summary>SHAP values of one row (exact TreeSHAP); they sum with <see cref="ExpectedValue"/> to <see cref="RawScore"/>.</summary>
    public double[] Shap(ReadOnlySpan<float> x, int featureCount)
    {
        var phi = new double[featureCount];
        var tmp = new double[featureCount];
        foreach (var tree in Trees)
        {
            Array.Clear(tmp);
            TreeShap.Explain(tree, x, tmp);
            var w = Scale * tree.Weight;
            for (var j = 0; j < featureCount; j++)
            {
                phi[j] += w * tmp[j];
            }
        }

        return phi;
    }
}
