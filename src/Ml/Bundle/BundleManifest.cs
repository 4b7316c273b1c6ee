using AutoMl.Ml.Features;
using AutoMl.Ml.Metrics;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Bundle;

/// <summary>The JSON part of a model bundle.</summary>
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
    DateTimeOffset CreatedUtc);
