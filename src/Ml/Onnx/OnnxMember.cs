using Microsoft.ML;

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
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var outputs = new List<string>();
        var graphBytes = ReadOnlyMemory<byte>.Empty;
        long irVersion = 0;
        foreach (var field in ProtoReader.Fields(converted))
        {
            switch (field.Number)
            {
                case 1:
                    irVersion = (long)field.Value;
                    break;
                case 7:
                    graphBytes = field.Bytes;
                    break;
                case 8:
                    {
                        var domain = "";
                        long version = 0;
                        foreach (var f in ProtoReader.Fields(field.Bytes))
                        {
                            if (f.Number == 1)
                            {
                                domain = f.Text;
                            }
                            else if (f.Number == 2)
                            {
                                version = (long)f.Value;
                            }
                        }

                        graph.NeedOpset(domain, version, irVersion);
                        break;
                    }
            }
        }

        graph.NeedOpset("", 11, irVersion);
        foreach (var field in ProtoReader.Fields(graphBytes))
        {
            if (field.Number is 11 or 12)
            {
                var name = ProtoReader.Fields(field.Bytes).First(f => f.Number == 1).Text;
                if (field.Number == 11)
                {
                    // The converter lists the data view's columns as inputs; only the feature vector exists at scoring time.
                    inputs[name] = name == "Features" ? features : name;
                }
                else
                {
                    outputs.Add(name);
                }
            }
        }

        string Rename(string name) => name.Length == 0 ? name : inputs.TryGetValue(name, out var mapped) ? mapped : prefix + name;
        foreach (var field in ProtoReader.Fields(graphBytes))
        {
            switch (field.Number)
            {
                case 1:
                    graph.RawNode(Rewrite(field.Bytes, f => f.Number is 1 or 2 or 3, Rename));
                    break;
                case 5:
                    graph.RawInitializer(Rewrite(field.Bytes, f => f.Number == 8, Rename));
                    break;
            }
        }

        var output = outputs.FirstOrDefault(o => o == column || o.StartsWith(column + ".", StringComparison.Ordinal))
            ?? throw new OnnxExportException($"the ONNX converter gave the member no {column} output (it gave {string.Join(", ", outputs)})");
        return Rename(output);
    }

    private static byte[] Rewrite(ReadOnlyMemory<byte> message, Func<ProtoField, bool> isName, Func<string, string> rename)
    {
        var writer = new ProtoWriter();
        foreach (var field in ProtoReader.Fields(message))
        {
            if (field.WireType == 2 && isName(field))
            {
                writer.String(field.Number, rename(field.Text));
            }
            else
            {
                ProtoReader.Copy(writer, field);
            }
        }

        return writer.ToArray();
    }
}
