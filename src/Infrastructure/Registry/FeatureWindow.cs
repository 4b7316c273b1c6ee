namespace AutoMl.Infrastructure.Registry;

/// <summary>One feature in one monitoring window: its counts on the baseline's bins and how far they are from training (skew) and from the window before (drift).</summary>
/// <param name="Skew">Jensen-Shannon distance (base 2) from the training baseline; null when the window was too small to judge.</param>
/// <param name="Drift">From the previous judged window; null when there was none.</param>
/// <param name="Level">ok, warn or alert: the worse of skew and drift against the feature's thresholds ("skipped" for a small window).</param>
public sealed record FeatureWindow(string Feature, IReadOnlyList<double> Counts, double? Skew, double? Drift, string Level, double MissingShare, double TypeErrorShare);
