using AutoMl.Ml.Columns;
using AutoMl.Ml.Features;
using AutoMl.Ml.Onnx;

namespace AutoMl.Ml.Bundle;

/// <summary>The bundle as an ONNX model (see <see cref="OnnxExport"/>).</summary>
public sealed partial class ModelBundle
{
    internal IReadOnlyList<MemberModels> Members => _members;

    internal Featurizer Featurizer => _featurizer;

    internal Microsoft.ML.MLContext Context => _ml;

    /// <summary>The data view the members were fitted on, empty: what the ONNX converter reads the input schema from.</summary>
    internal FeatureDataView EmptyFeatures()
    {
        var empty = new FeatureMatrix(Enumerable.Range(0, _featurizer.FeatureCount).Select(_ => Array.Empty<float>()).ToArray(), 0, _featurizer.Spec.HasText ? [] : null);
        return new FeatureDataView(empty, null, null, LabelKind.None, Classes.Count, _featurizer.Spec.HasText);
    }

    /// <summary>Writes the model as ONNX, or throws <see cref="OnnxExportException"/> saying why it cannot be.</summary>
    public byte[] ToOnnx() => OnnxExport.Write(this);

    /// <summary>Why the model cannot be exported to ONNX, or null when it can (checked without converting).</summary>
    public string? OnnxRefusal() => OnnxExport.Refusal(this);
}
