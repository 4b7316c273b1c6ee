namespace AutoMl.Ml.Features;

/// <summary>The serialisable state of a <see cref="Featurizer"/>.</summary>
public sealed record FeaturizerSpec(IReadOnlyList<FeatureColumnSpec> Columns, IReadOnlyList<string> FeatureNames, bool HasText);
