namespace AutoMl.Ml.Onnx;

/// <summary>The bundle cannot be written as ONNX; the message completes "The model cannot be exported to ONNX: …".</summary>
public sealed class OnnxExportException : Exception
{
    public OnnxExportException()
    {
    }

    public OnnxExportException(string message)
        : base(message)
    {
    }

    public OnnxExportException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
