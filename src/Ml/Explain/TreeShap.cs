namespace AutoMl.Ml.Explain;

/// <summary>
/// Exact TreeSHAP for one row and one tree (Lundberg, Erion and Lee 2018, Algorithm 2): follows every
/// root-to-leaf path once, tracking for each feature on the path the share of subsets that go the row's way.
/// </summary>
public static class TreeShap
{
    private struct PathElement
    {
        public int Feature;
        public double Zero;
        public double One;
        public double Weight;
    }

    public static void Explain(ShapTree tree, ReadOnlySpan<float> x, double[] phi)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(phi);
        var depth = tree.MaxDepth() + 2;
        var path = new PathElement[depth * (depth + 1) / 2 + depth + 1];
        Recurse(tree, x, phi, 0, path, 0, 0, 1, 1, -1);
    }

    private static void Recurse(ShapTree tree, ReadOnlySpan<float> x, double[] phi, int node, PathElement[] buffer, int parentStart, int uniqueDepth, double zero, double one, int feature)
    {
        var start = parentStart + uniqueDepth;
        if (uniqueDepth > 0)
        {
            Array.Copy(buffer, parentStart, buffer, start, uniqueDepth);
        }

        var path = buffer.AsSpan(start);
        Extend(path, uniqueDepth, zero, one, feature);
        if (tree.Left[node] < 0)
        {
            for (var i = 1; i <= uniqueDepth; i++)
            {
                var w = UnwoundSum(path, uniqueDepth, i);
                phi[path[i].Feature] += w * (path[i].One - path[i].Zero) * tree.Value[node];
            }

            return;
        }

        var split = tree.Feature[node];
        var goesLeft = x[split] <= tree.Threshold[node];
        var hot = goesLeft ? tree.Left[node] : tree.Right[node];
        var cold = goesLeft ? tree.Right[node] : tree.Left[node];
        var cover = tree.Cover[node];
        var hotZero = tree.Cover[hot] / cover;
        var coldZero = tree.Cover[cold] / cover;
        double incomingZero = 1, incomingOne = 1;
        var index = 0;
        while (index <= uniqueDepth && path[index].Feature != split)
        {
            index++;
        }

        if (index <= uniqueDepth)
        {
            incomingZero = path[index].Zero;
            incomingOne = path[index].One;
            Unwind(path, uniqueDepth, index);
            uniqueDepth--;
        }

        Recurse(tree, x, phi, hot, buffer, start, uniqueDepth + 1, hotZero * incomingZero, incomingOne, split);
        Recurse(tree, x, phi, cold, buffer, start, uniqueDepth + 1, coldZero * incomingZero, 0, split);
    }

    private static void Extend(Span<PathElement> path, int uniqueDepth, double zero, double one, int feature)
    {
        path[uniqueDepth] = new PathElement { Feature = feature, Zero = zero, One = one, Weight = uniqueDepth == 0 ? 1 : 0 };
        for (var i = uniqueDepth - 1; i >= 0; i--)
        {
            path[i + 1].Weight += one * path[i].Weight * (i + 1) / (uniqueDepth + 1);
            path[i].Weight = zero * path[i].Weight * (uniqueDepth - i) / (uniqueDepth + 1);
        }
    }

    private static void Unwind(Span<PathElement> path, int uniqueDepth, int index)
    {
        var one = path[index].One;
        var zero = path[index].Zero;
        var next = path[uniqueDepth].Weight;
        for (var i = uniqueDepth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                var tmp = path[i].Weight;
                path[i].Weight = next * (uniqueDepth + 1) / ((i + 1) * one);
                next = tmp - path[i].Weight * zero * (uniqueDepth - i) / (uniqueDepth + 1);
            }
            else
            {
                path[i].Weight = path[i].Weight * (uniqueDepth + 1) / (zero * (uniqueDepth - i));
            }
        }

        for (var i = index; i < uniqueDepth; i++)
        {
            path[i].Feature = path[i + 1].Feature;
            path[i].Zero = path[i + 1].Zero;
            path[i].One = path[i + 1].One;
        }
    }

    private static double UnwoundSum(Span<PathElement> path, int uniqueDepth, int index)
    {
        var one = path[index].One;
        var zero = path[index].Zero;
        var next = path[uniqueDepth].Weight;
        double total = 0;
        for (var i = uniqueDepth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                var tmp = next * (uniqueDepth + 1) / ((i + 1) * one);
                total += tmp;
                next = path[i].Weight - tmp * zero * (uniqueDepth - i) / (uniqueDepth + 1);
            }
            else
            {
                total += path[i].Weight / zero / ((double)(uniqueDepth - i) / (uniqueDepth + 1));
            }
        }

        return total;
    }
}
