using AutoMl.Infrastructure.Models;
using AutoMl.Ml.Onnx;
using AutoMl.Ml.Schema;

namespace AutoMl.Api.Models;

/// <summary>The formats the model downloads in, besides its bundle.</summary>
/// <param name="Onnx">True when GET /models/{id}/download?format=onnx gives an ONNX file.</param>
/// <param name="OnnxRefusal">Why it cannot be exported to ONNX, as a sentence; null when it can.</param>
public sealed record ModelExport(bool Onnx, string? OnnxRefusal)
{
    /// <summary>Decided by the columns the model reads (which the featuriser turns into features), without loading it.</summary>
    public static ModelExport For(IEnumerable<ModelInputColumn> inputs)
    {
        var columns = inputs.Select(c => (c.Name, Enum.TryParse<ColumnKind>(c.Kind, ignoreCase: true, out var kind) ? kind : ColumnKind.Identifier));
        return OnnxExport.Refusal(columns) is { } reason ? new ModelExport(false, Sentence(reason)) : new ModelExport(true, null);
    }

    public static string Sentence(string reason) => OnnxExport.Sentence(reason);
}
