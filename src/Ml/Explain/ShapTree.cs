namespace AutoMl.Ml.Explain;

/// <summary>
/// One regression tree in the layout TreeSHAP walks: nodes 0..n-1, internal nodes first, then leaves;
/// Left/Right are -1 at leaves; Cover is the (smoothed) count of training rows reaching each node.
/// </summary>
public sealed class ShapTree(int[] left, int[] right, int[] feature, float[] threshold, double[] value, double[] cover, double weight)
{
    public int[] Left { get; } = left;

    public int[] Right { get; } = right;

    public int[] Feature { get; } = feature;

    public float[] Threshold { get; } = threshold;

    /// <summary>Leaf values (internal nodes hold 0).</summary>
    public double[] Value { get; } = value;

    public double[] Cover { get; } = cover;

    public double Weight { get; } = weight;

    public int Leaf(ReadOnlySpan<float> x)
    {
        var node = 0;
        while (Left[node] >= 0)
        {
            node = x[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
        }

        return node;
    }

    public double ExpectedValue()
    {
        double sum = 0;
        for (var i = 0; i < Value.Length; i++)
        {
            if (Left[i] < 0)
            {
                sum += Cover[i] * Value[i];
            }
        }

        return sum / Cover[0];
    }

    public int MaxDepth() => Depth(0);

    private int Depth(int node) => Left[node] < 0 ? 0 : 1 + Math.Max(Depth(Left[node]), Depth(Right[node]));
}
