using AutoMl.Ml.Explain;

namespace AutoMl.Ml.Bundle;

public sealed partial class ModelBundle
{
    /// <summary>The same models with their feature effects in the manifest.</summary>
    internal ModelBundle WithEffects(FeatureEffects effects) => new(Manifest with { Effects = effects }, _members);
}
