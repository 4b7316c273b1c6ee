using AutoMl.Ml.Explain;
using AutoMl.Ml.Training;

namespace AutoMl.Ml.Bundle;

/// <summary>A member's fold models and, for tree learners, their trees for TreeSHAP (one ensemble per class).</summary>
internal sealed record MemberModels(BundleMember Info, IReadOnlyList<FittedModel> Folds, IReadOnlyList<IReadOnlyList<ShapEnsemble>>? Shap);
