using System.Text.Json;

namespace AutoMl.Sdk;

/// <summary>A trained model: its score, metrics and what it expects as input.</summary>
public sealed class Model
{
    /// <summary>The model's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The job that trained it.</summary>
    public Guid JobId { get; init; }

    /// <summary>The data set it was trained on.</summary>
    public Guid DatasetId { get; init; }

    /// <summary>binary, multiclass or regression.</summary>
    public string Task { get; init; } = string.Empty;

    /// <summary>The column it predicts.</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>The metric it was chosen by.</summary>
    public string Metric { get; init; } = string.Empty;

    /// <summary>Its validation score in <see cref="Metric"/>.</summary>
    public double Score { get; init; }

    /// <summary>All validation metrics by name.</summary>
    public JsonElement Metrics { get; init; }

    /// <summary>The class labels of a classifier.</summary>
    public JsonElement Classes { get; init; }

    /// <summary>The features by importance: [{feature, gain}].</summary>
    public JsonElement FeatureImportance { get; init; }

    /// <summary>ROC, precision-recall, confusion matrix or residuals, by task.</summary>
    public JsonElement Curves { get; init; }

    /// <summary>The input columns a prediction row may carry: [{name, kind}].</summary>
    public JsonElement InputColumns { get; init; }

    /// <summary>The size of the downloadable bundle.</summary>
    public long BundleBytes { get; init; }

    /// <summary>When it was trained.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The trials its prediction blends, heaviest first.</summary>
    public IReadOnlyList<EnsembleMember> Ensemble { get; init; } = [];

    /// <summary>The formats it downloads in besides its bundle (ONNX, or why not).</summary>
    public ModelExport Export { get; init; } = new();
    /// <summary>Binary models: the decision threshold its predicted labels use (0.5 until one is chosen); null for other tasks.</summary>
    public ModelThreshold? Threshold { get; init; }

    /// <summary>The validation metrics by name as the API spells them (auc, logLoss, accuracy, f1, rmse…), typed (<see cref="Metrics"/> as they came).</summary>
    /// <returns>Each metric's value; empty when the answer had none.</returns>
    public IReadOnlyDictionary<string, double> ReadMetrics() =>
        Metrics.ValueKind == JsonValueKind.Object ? Metrics.Deserialize<Dictionary<string, double>>(Http.ApiConnection.Json) ?? [] : new Dictionary<string, double>();

    /// <summary>The features by importance, most important first, typed (<see cref="FeatureImportance"/> as they came).</summary>
    /// <returns>The features; empty when the answer had none.</returns>
    public IReadOnlyList<AutoMl.Sdk.FeatureImportance> ReadFeatureImportance() =>
        FeatureImportance.ValueKind == JsonValueKind.Array ? FeatureImportance.Deserialize<List<AutoMl.Sdk.FeatureImportance>>(Http.ApiConnection.Json) ?? [] : [];

    /// <summary>A classifier's class labels, typed (<see cref="Classes"/> as they came).</summary>
    /// <returns>The labels; empty for a regression.</returns>
    public IReadOnlyList<string> ReadClasses() =>
        Classes.ValueKind == JsonValueKind.Array ? Classes.Deserialize<List<string>>(Http.ApiConnection.Json) ?? [] : [];

    /// <summary>The validation curves, typed (<see cref="Curves"/> as they came).</summary>
    /// <returns>The curves; empty when the answer had none.</returns>
    public ModelCurves ReadCurves() =>
        Curves.ValueKind == JsonValueKind.Object ? Curves.Deserialize<ModelCurves>(Http.ApiConnection.Json) ?? new ModelCurves() : new ModelCurves();
}
