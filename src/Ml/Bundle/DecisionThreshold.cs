using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Bundle;

/// <summary>
/// The one place a binary classifier's probability becomes a label: the positive class (the second) when its
/// probability reaches the threshold. The bundle labels at <see cref="Default"/>; a model's chosen threshold is kept
/// outside the bundle (the bundle file never changes), so whoever serves the model relabels with Apply.
/// </summary>
public static class DecisionThreshold
{
    public const double Default = 0.5;

    public static bool Positive(double probability, double threshold) => probability >= threshold;

    public static string Label(IReadOnlyList<string> classes, double probability, double threshold = Default)
    {
        ArgumentNullException.ThrowIfNull(classes);
        return Positive(probability, threshold) ? classes[1] : classes[0];
    }

    /// <summary>The predictions with their labels chosen at <paramref name="threshold"/>; probabilities are untouched.
    /// Other tasks, and a null or default threshold, come back as they are.</summary>
    public static IReadOnlyList<RowPrediction> Apply(IReadOnlyList<RowPrediction> predictions, TaskKind task, IReadOnlyList<string> classes, double? threshold)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(classes);
        if (task != TaskKind.Binary || threshold is not { } t || t == Default)
        {
            return predictions;
        }

        return predictions.Select(p => p.Probabilities is { } probabilities && probabilities.TryGetValue(classes[1], out var positive)
            ? p with { Label = Label(classes, positive, t) }
            : p).ToList();
    }

    /// <summary><see cref="Apply(IReadOnlyList{RowPrediction}, TaskKind, IReadOnlyList{string}, double?)"/> with the bundle's task and classes.</summary>
    public static IReadOnlyList<RowPrediction> Apply(ModelBundle bundle, IReadOnlyList<RowPrediction> predictions, double? threshold)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return Apply(predictions, bundle.Task, bundle.Classes, threshold);
    }
}
