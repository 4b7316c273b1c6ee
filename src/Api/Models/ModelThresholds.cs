using System.Text.Json;
using AutoMl.Infrastructure.Models;
using AutoMl.Ml.Bundle;
using AutoMl.Ml.Metrics;

namespace AutoMl.Api.Models;

/// <summary>A binary model's threshold as the model view shows it: the value and its validation rates, read from the stored counts.</summary>
internal static class ModelThresholds
{
    public const string Binary = "binary";

    public static ModelThresholdView? View(Model model, ModelCurveSet curves)
    {
        if (model.Task != Binary)
        {
            return null;
        }
        var value = model.DecisionThreshold ?? DecisionThreshold.Default;
        var choice = model.ThresholdChoiceJson is { } json
            ? JsonSerializer.Deserialize<ModelThresholdChoice>(json, JsonSerializerOptions.Web)!
            : new ModelThresholdChoice("default");
        var costs = choice is { FalsePositiveCost: { } fp, FalseNegativeCost: { } fn } ? new ThresholdCosts(fp, fn) : null;
        var point = Points(curves) is { Count: > 0 } points ? ThresholdChoice.At(points, value) : null;
        var rates = point?.Rates();
        return new ModelThresholdView(value, choice.Objective, choice.Target, costs, rates?.Precision, rates?.Recall, rates?.F1, rates?.Accuracy,
            point is null ? null : new ModelThresholdPoint(value, point.TruePositives, point.FalsePositives, point.TrueNegatives, point.FalseNegatives));
    }

    /// <summary>The stored counts as the engine's points; empty for a model trained before they were stored.</summary>
    public static List<ThresholdPoint> Points(ModelCurveSet curves) =>
        curves.Thresholds?.Select(t => new ThresholdPoint(t.Threshold, t.TruePositives, t.FalsePositives, t.TrueNegatives, t.FalseNegatives)).ToList() ?? [];
}
