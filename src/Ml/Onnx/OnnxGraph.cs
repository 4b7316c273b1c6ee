using Google.Protobuf;
using Onnx;

namespace AutoMl.Ml.Onnx;

/// <summary>An ONNX graph being assembled: nodes, constants, inputs and outputs, written as a ModelProto (OnnxSharp's types).</summary>
internal sealed class OnnxGraph
{
    public const int Float = (int)TensorProto.Types.DataType.Float;
    public const int Int64 = (int)TensorProto.Types.DataType.Int64;
    public const int String = (int)TensorProto.Types.DataType.String;
    public const string MlDomain = "ai.onnx.ml";

    private readonly GraphProto _graph = new();
    private readonly Dictionary<string, long> _opsets = new(StringComparer.Ordinal) { [""] = 11, [MlDomain] = 2 };
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private int _next;
    private long _irVersion = 7;

    /// <summary>A fresh tensor name with a readable stem.</summary>
    public string Name(string stem) => $"{stem}_{_next++}";

    public void Input(string name, int elementType, long width) => _graph.Input.Add(ValueInfo(name, elementType, width));

    public void Output(string name, int elementType, long width) => _graph.Output.Add(ValueInfo(name, elementType, width));

    public void Metadata(string key, string value) => _metadata[key] = value;

    public void NeedOpset(string domain, long version, long irVersion)
    {
        _opsets[domain] = Math.Max(_opsets.GetValueOrDefault(domain), version);
        _irVersion = Math.Max(_irVersion, irVersion);
    }

    public string Node(string op, IReadOnlyList<string> inputs, string? output = null, Action<NodeAttributes>? attributes = null, string domain = "")
    {
        output ??= Name(op.ToLowerInvariant());
        var node = new NodeProto { Name = Name("node_" + op), OpType = op, Domain = domain };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        attributes?.Invoke(new NodeAttributes(node));
        _graph.Node.Add(node);
        return output;
    }

    /// <summary>A node of a converted member, already renamed into this graph.</summary>
    public void Add(NodeProto node) => _graph.Node.Add(node);

    /// <summary>A constant of a converted member, already renamed into this graph.</summary>
    public void Add(TensorProto initializer) => _graph.Initializer.Add(initializer);

    public string Constant(float[] values, long[] dims, string stem = "const")
    {
        var tensor = new TensorProto { Name = Name(stem), DataType = Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        _graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    public string Constant(long value, string stem = "const")
    {
        var tensor = new TensorProto { Name = Name(stem), DataType = Int64 };
        tensor.Int64Data.Add(value);
        _graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    public byte[] ToModel(string graphName)
    {
        _graph.Name = graphName;
        var model = new ModelProto { IrVersion = _irVersion, ProducerName = "AutoMl", ProducerVersion = Bundle.EngineVersion.Current, Graph = _graph };
        model.OpsetImport.AddRange(_opsets.Select(o => new OperatorSetIdProto { Domain = o.Key, Version = o.Value }));
        model.MetadataProps.AddRange(_metadata.Select(m => new StringStringEntryProto { Key = m.Key, Value = m.Value }));
        return model.ToByteArray();
    }

    /// <summary>A tensor of shape [rows, width] with the row count left free (named "N").</summary>
    private static ValueInfoProto ValueInfo(string name, int elementType, long width)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = elementType, Shape = shape } },
        };
    }
}

/// <summary>Writes a node's attributes.</summary>
internal sealed class NodeAttributes(NodeProto node)
{
    public NodeAttributes Int(string name, long value)
    {
        node.Attribute.Add(new AttributeProto { Name = name, I = value, Type = AttributeProto.Types.AttributeType.Int });
        return this;
    }

    public NodeAttributes Strings(string name, IEnumerable<string> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Strings };
        attribute.Strings.AddRange(values.Select(ByteString.CopyFromUtf8));
        node.Attribute.Add(attribute);
        return this;
    }

    public NodeAttributes Ints(string name, IEnumerable<long> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        node.Attribute.Add(attribute);
        return this;
    }
}
