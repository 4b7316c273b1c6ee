using AutoMl.Infrastructure.Models;

namespace AutoMl.Api.Models;

/// <summary>Choose a binary model's threshold: either a value, or an objective the stored validation counts are searched for.</summary>
/// <param name="Threshold">The positive class's probability from which a row is labelled positive, above 0 and below 1. Leave out when an objective chooses it.</param>
/// <param name="Objective">max-f1, precision, recall or cost. precision and recall need a target; cost needs costs.</param>
/// <param name="Target">The precision or recall to reach, above 0 and at most 1: the threshold chosen keeps the most of the other one.</param>
/// <param name="Costs">What a false positive and a false negative cost (any unit): the threshold chosen costs the least on the validation rows.</param>
public sealed record ThresholdRequest(double? Threshold = null, string? Objective = null, double? Target = null, ThresholdCosts? Costs = null);

/// <param name="FalsePositive">The cost of calling a negative row positive; 0 or more.</param>
/// <param name="FalseNegative">The cost of missing a positive row; 0 or more.</param>
public sealed record ThresholdCosts(double FalsePositive, double FalseNegative);

/// <summary>A binary model's decision threshold and how it does on the validation rows.</summary>
/// <param name="Value">Rows whose positive-class probability is at least this are labelled positive, in every prediction (online, batch, endpoints).</param>
/// <param name="Objective">default (0.5, none chosen), value (set by hand), max-f1, precision, recall or cost.</param>
/// <param name="Target">The precision or recall asked for, with those objectives.</param>
/// <param name="Costs">The costs asked for, with the cost objective.</param>
/// <param name="Precision">Validation precision at this threshold; null for a model trained before threshold counts were stored.</param>
/// <param name="Recall">Validation recall at this threshold.</param>
/// <param name="F1">Validation F1 at this threshold.</param>
/// <param name="Accuracy">Validation accuracy at this threshold.</param>
/// <param name="Counts">The validation confusion counts at this threshold (the stored point that stands for it).</param>
public sealed record ModelThresholdView(
    double Value,
    string Objective,
    double? Target,
    ThresholdCosts? Costs,
    double? Precision,
    double? Recall,
    double? F1,
    double? Accuracy,
    ModelThresholdPoint? Counts);
