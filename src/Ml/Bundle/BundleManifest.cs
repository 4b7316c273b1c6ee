using AutoMl.Ml.Explain;
using AutoMl.Ml.Features;
using AutoMl.Ml.Metrics;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Bundle;

/// <summary>
/// The JSON part of a model bundle. <see cref="FeatureMeans"/> (the training rows' mean per feature) is the
/// background linear members are explained against; bundles written before it existed explain trees only.
/// <see cref="Effects"/> (partial dependence and SHAP summary) is null in bundles written before it existed.
/// </summary>
public sealed record BundleManifest(
    int FormatMajor,
    string EngineVersion,
    TaskKind Task,
    MetricKind Metric,
    string Target,
    IReadOnlyList<string> Classes,
    IReadOnlyList<ColumnSchema> InputColumns,
    FeaturizerSpec Featurizer,
    IReadOnlyList<BundleMember> Members,
    double Temperature,
    IReadOnlyList<FeatureImportance> Importance,
    IReadOnlyDictionary<string, double> ValidationMetrics,
    double TrainingSeconds,
    DateTimeOffset CreatedUtc,
    IReadOnlyList<double>? FeatureMeans = null,
    FeatureEffects? Effects = null);
