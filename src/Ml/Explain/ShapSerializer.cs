namespace AutoMl.Ml.Explain;

/// <summary>Binary form of the extracted trees and covers, stored in the bundle so explanations need no training data.</summary>
internal static class ShapSerializer
{
    public static void Write(BinaryWriter writer, IReadOnlyList<ShapEnsemble> ensembles)
    {
        writer.Write(ensembles.Count);
        foreach (var ensemble in ensembles)
        {
            writer.Write(ensemble.Bias);
            writer.Write(ensemble.Scale);
            writer.Write(ensemble.Trees.Count);
            foreach (var tree in ensemble.Trees)
            {
                writer.Write(tree.Weight);
                writer.Write(tree.Left.Length);
                for (var i = 0; i < tree.Left.Length; i++)
                {
                    writer.Write(tree.Left[i]);
                    writer.Write(tree.Right[i]);
                    writer.Write(tree.Feature[i]);
                    writer.Write(tree.Threshold[i]);
                    writer.Write(tree.Value[i]);
                    writer.Write(tree.Cover[i]);
                }
            }
        }
    }

    public static List<ShapEnsemble> Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var ensembles = new List<ShapEnsemble>(count);
        for (var e = 0; e < count; e++)
        {
            var bias = reader.ReadDouble();
            var scale = reader.ReadDouble();
            var treeCount = reader.ReadInt32();
            var trees = new List<ShapTree>(treeCount);
            for (var t = 0; t < treeCount; t++)
            {
                var weight = reader.ReadDouble();
                var n = reader.ReadInt32();
                var left = new int[n];
                var right = new int[n];
                var feature = new int[n];
                var threshold = new float[n];
                var value = new double[n];
                var cover = new double[n];
                for (var i = 0; i < n; i++)
                {
                    left[i] = reader.ReadInt32();
                    right[i] = reader.ReadInt32();
                    feature[i] = reader.ReadInt32();
                    threshold[i] = reader.ReadSingle();
                    value[i] = reader.ReadDouble();
                    cover[i] = reader.ReadDouble();
                }

                trees.Add(new ShapTree(left, right, feature, threshold, value, cover, weight));
            }

            ensembles.Add(new ShapEnsemble(trees, bias, scale));
        }

        return ensembles;
    }
}
