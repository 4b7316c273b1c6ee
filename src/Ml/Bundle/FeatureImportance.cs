namespace AutoMl.Ml.Bundle;

/// <summary>Mean |SHAP| of an input column over a sample of training rows, and its share of the total.</summary>
public sealed record FeatureImportance(string Column, double MeanAbsShap, double Share);
