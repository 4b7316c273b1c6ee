namespace AutoMl.Ml.Onnx;

/// <summary>An ONNX graph being assembled: nodes, constants, inputs and outputs, written as a ModelProto.</summary>
internal sealed class OnnxGraph
{
    public const int Float = 1;
    public const int Int64 = 7;
    public const int String = 8;
    public const string MlDomain = "ai.onnx.ml";

    private readonly List<byte[]> _nodes = [];
    private readonly List<byte[]> _initializers = [];
    private readonly List<byte[]> _inputs = [];
    private readonly List<byte[]> _outputs = [];
    private readonly Dictionary<string, long> _opsets = new(StringComparer.Ordinal) { [""] = 11, [MlDomain] = 2 };
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private int _next;
    private long _irVersion = 7;

    /// <summary>A fresh tensor name with a readable stem.</summary>
    public string Name(string stem) => $"{stem}_{_next++}";

    public void Input(string name, int elementType, long width) => _inputs.Add(ValueInfo(name, elementType, width).ToArray());

    public void Output(string name, int elementType, long width) => _outputs.Add(ValueInfo(name, elementType, width).ToArray());

    public void Metadata(string key, string value) => _metadata[key] = value;

    public void NeedOpset(string domain, long version, long irVersion)
    {
        _opsets[domain] = Math.Max(_opsets.GetValueOrDefault(domain), version);
        _irVersion = Math.Max(_irVersion, irVersion);
    }

    public string Node(string op, IReadOnlyList<string> inputs, string? output = null, Action<NodeAttributes>? attributes = null, string domain = "")
    {
        output ??= Name(op.ToLowerInvariant());
        var node = new ProtoWriter();
        foreach (var input in inputs)
        {
            node.String(1, input);
        }

        node.String(2, output).String(3, Name("node_" + op)).String(4, op);
        attributes?.Invoke(new NodeAttributes(node));
        if (domain.Length > 0)
        {
            node.String(7, domain);
        }

        _nodes.Add(node.ToArray());
        return output;
    }

    public void RawNode(byte[] node) => _nodes.Add(node);

    public void RawInitializer(byte[] tensor) => _initializers.Add(tensor);

    public string Constant(float[] values, long[] dims, string stem = "const")
    {
        var name = Name(stem);
        _initializers.Add(new ProtoWriter().PackedVarints(1, dims).Varint(2, Float).PackedFloats(4, values).String(8, name).ToArray());
        return name;
    }

    public string Constant(long value, string stem = "const")
    {
        var name = Name(stem);
        _initializers.Add(new ProtoWriter().Varint(2, Int64).PackedVarints(7, [value]).String(8, name).ToArray());
        return name;
    }

    public byte[] ToModel(string graphName)
    {
        var graph = new ProtoWriter();
        foreach (var node in _nodes)
        {
            graph.Bytes(1, node);
        }

        graph.String(2, graphName);
        foreach (var tensor in _initializers)
        {
            graph.Bytes(5, tensor);
        }

        foreach (var input in _inputs)
        {
            graph.Bytes(11, input);
        }

        foreach (var output in _outputs)
        {
            graph.Bytes(12, output);
        }

        var model = new ProtoWriter().Varint(1, _irVersion).String(2, "AutoMl").String(3, Bundle.EngineVersion.Current);
        foreach (var (domain, version) in _opsets)
        {
            model.Message(8, new ProtoWriter().String(1, domain).Varint(2, version));
        }

        model.Message(7, graph);
        foreach (var (key, value) in _metadata)
        {
            model.Message(14, new ProtoWriter().String(1, key).String(2, value));
        }

        return model.ToArray();
    }

    /// <summary>A tensor of shape [rows, width] with the row count left free (named "N").</summary>
    private static ProtoWriter ValueInfo(string name, int elementType, long width)
    {
        var shape = new ProtoWriter()
            .Message(1, new ProtoWriter().String(2, "N"))
            .Message(1, new ProtoWriter().Varint(1, width));
        var tensor = new ProtoWriter().Varint(1, elementType).Message(2, shape);
        return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensor));
    }
}

/// <summary>Writes a node's attributes (AttributeProto: name 1, f 2, i 3, floats 7, ints 8, strings 9, type 20).</summary>
internal sealed class NodeAttributes(ProtoWriter node)
{
    public NodeAttributes Int(string name, long value)
    {
        node.Message(5, new ProtoWriter().String(1, name).Varint(3, value).Varint(20, 2));
        return this;
    }

    public NodeAttributes Strings(string name, IEnumerable<string> values)
    {
        var attribute = new ProtoWriter().String(1, name);
        foreach (var v in values)
        {
            attribute.String(9, v);
        }

        node.Message(5, attribute.Varint(20, 8));
        return this;
    }

    public NodeAttributes Ints(string name, IEnumerable<long> values)
    {
        node.Message(5, new ProtoWriter().String(1, name).PackedVarints(8, values).Varint(20, 7));
        return this;
    }
}
