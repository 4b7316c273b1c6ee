namespace AutoMl.Sdk;

/// <summary>What <see cref="ModelsClient.DownloadAsync(System.Guid, ModelDownloadFormat, System.IO.Stream, System.Threading.CancellationToken)"/> writes.</summary>
public enum ModelDownloadFormat
{
    /// <summary>The model bundle (.automl), which the AutoMl.Runtime package loads offline.</summary>
    Bundle,

    /// <summary>One ONNX graph with the featurisation inside: one input per column, "probability", "probabilities" or "value" out.</summary>
    Onnx,
}
