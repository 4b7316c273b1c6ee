namespace AutoMl.Sdk;

/// <summary>The formats a model downloads in, besides its bundle.</summary>
public sealed class ModelExport
{
    /// <summary>True when the model downloads as ONNX.</summary>
    public bool Onnx { get; init; }

    /// <summary>Why it cannot be exported to ONNX, as a sentence; null when it can.</summary>
    public string? OnnxRefusal { get; init; }
}
