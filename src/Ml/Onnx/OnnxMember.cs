using Microsoft.ML;
using Onnx;

namespace AutoMl.Ml.Onnx;

/// <summary>One ML.NET model of the ensemble, converted by Microsoft.ML.OnnxConverter and grafted into our graph.</summary>
internal static class OnnxMember
{
    /// <summary>
    /// Converts the model and adds its nodes to <paramref name="graph"/> under names of their own, reading the
    /// featurised vector from <paramref name="features"/>; returns the tensor holding its <paramref name="column"/>.
    /// </summary>
    public static string Graft(OnnxGraph graph, MLContext ml, ITransformer model, IDataView schema, string features, string column)
    {
        byte[] converted;
        using (var buffer = new MemoryStream())
        {
            ml.Model.ConvertToOnnx(model, schema, buffer);
            converted = buffer.ToArray();
        }

        var prefix = graph.Name("m") + "_";
        var member = ModelProto.Parser.ParseFrom(converted);
        foreach (var opset in member.OpsetImport)
        {
            graph.NeedOpset(opset.Domain, opset.Version, member.IrVersion);
        }

        graph.NeedOpset("", 11, member.IrVersion);
        // The converter lists the data view's columns as inputs; only the feature vector exists at scoring time.
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in member.Graph.Input)
        {
            inputs[input.Name] = input.Name == "Features" ? features : input.Name;
        }

        var outputs = member.Graph.Output.Select(o => o.Name).ToList();
        string Rename(string name) => name.Length == 0 ? name : inputs.TryGetValue(name, out var mapped) ? mapped : prefix + name;
        foreach (var node in member.Graph.Node)
        {
            var renamed = node.Clone();
            renamed.Name = Rename(node.Name);
            renamed.Input.Clear();
            renamed.Input.AddRange(node.Input.Select(Rename));
            renamed.Output.Clear();
            renamed.Output.AddRange(node.Output.Select(Rename));
            graph.Add(renamed);
        }

        foreach (var initializer in member.Graph.Initializer)
        {
            var renamed = initializer.Clone();
            renamed.Name = Rename(initializer.Name);
            graph.Add(renamed);
        }

        var output = outputs.FirstOrDefault(o => o == column || o.StartsWith(column + ".", StringComparison.Ordinal))
            ?? throw new OnnxExportException($"the ONNX converter gave the member no {column} output (it gave {string.Join(", ", outputs)})");
        return Rename(output);
    }
}
