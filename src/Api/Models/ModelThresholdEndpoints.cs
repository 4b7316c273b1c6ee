using System.Globalization;
using System.Text.Json;
using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Infrastructure.Models;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Ml.Metrics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Models;

/// <summary>
/// PUT/DELETE /models/{id}/threshold: a binary model's decision threshold, set by value or chosen for an objective over
/// the stored validation counts. It changes the labels every prediction path answers (online, batch, endpoints), never
/// the probabilities. A train-scoped key may set it, as it may move a registry alias: a pipeline that trains a model
/// chooses its threshold too.
/// </summary>
internal static class ModelThresholdEndpoints
{
    private const string Missing = "No model with this id exists in your account.";
    private const string Objectives = "max-f1, precision, recall or cost";

    public static void MapThresholdEndpoints(this RouteGroupBuilder models)
    {
        models.MapPut("/{id:guid}/threshold", SetAsync);
        models.MapDelete("/{id:guid}/threshold", ClearAsync);
    }

    private static async Task<Results<Ok<ModelView>, ProblemHttpResult, ValidationProblem>> SetAsync(
        Guid id, ThresholdRequest request, CurrentUser current, AutoMlDbContext db, ModelTargets targets, CancellationToken ct)
    {
        if (Invalid(request) is { } invalid)
        {
            return invalid;
        }
        if (await db.Models.SingleOrDefaultAsync(m => m.Id == id && m.UserId == current.Id, ct) is not { } model)
        {
            return ProblemResults.NotFound(Missing);
        }
        if (model.Task != ModelThresholds.Binary)
        {
            return NotBinary(model);
        }

        double value;
        ModelThresholdChoice choice;
        if (request.Threshold is { } chosen)
        {
            (value, choice) = (chosen, new ModelThresholdChoice("value"));
        }
        else
        {
            var points = ModelThresholds.Points(ModelViews.Read<ModelCurveSet>(model.CurvesJson));
            if (points.Count == 0)
            {
                return ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity, "No threshold counts",
                    "This model was trained before validation counts per threshold were stored, so no objective can be searched: set a threshold value, or train the model again.");
            }
            var objective = request.Objective!;
            var costs = request.Costs;
            var pick = ThresholdChoice.Choose(points, Objective(objective), request.Target ?? 0, costs?.FalsePositive ?? 0, costs?.FalseNegative ?? 0);
            if (pick.Point is not { } point)
            {
                return ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity, "Target not reachable",
                    $"No threshold reaches a validation {objective} of {Percent(request.Target!.Value)}: the best this model reaches is {Percent(pick.BestReachable)}. Ask for at most that, or choose another objective.",
                    new Dictionary<string, object?> { ["bestReachable"] = pick.BestReachable });
            }
            (value, choice) = (point.Threshold, new ModelThresholdChoice(objective, request.Target, costs?.FalsePositive, costs?.FalseNegative));
        }

        model.DecisionThreshold = value;
        model.ThresholdChoiceJson = JsonSerializer.Serialize(choice, JsonSerializerOptions.Web);
        await db.SaveChangesAsync(ct);
        await targets.ChangedAsync(model.Id);
        return TypedResults.Ok(ModelViews.From(model));
    }

    private static async Task<Results<Ok<ModelView>, ProblemHttpResult>> ClearAsync(Guid id, CurrentUser current, AutoMlDbContext db, ModelTargets targets, CancellationToken ct)
    {
        if (await db.Models.SingleOrDefaultAsync(m => m.Id == id && m.UserId == current.Id, ct) is not { } model)
        {
            return ProblemResults.NotFound(Missing);
        }
        if (model.Task != ModelThresholds.Binary)
        {
            return NotBinary(model);
        }
        model.DecisionThreshold = null;
        model.ThresholdChoiceJson = null;
        await db.SaveChangesAsync(ct);
        await targets.ChangedAsync(model.Id);
        return TypedResults.Ok(ModelViews.From(model));
    }

    /// <summary>The request's shape, checked before anything is read, so a bad request changes nothing.</summary>
    private static ValidationProblem? Invalid(ThresholdRequest request)
    {
        if ((request.Threshold is null) == (request.Objective is null))
        {
            return ProblemResults.Validation("threshold", $"Send either a threshold value or an objective ({Objectives}), not both and not neither.");
        }
        if (request.Threshold is { } value)
        {
            return value is > 0 and < 1 && double.IsFinite(value)
                ? null
                : ProblemResults.Validation("threshold", "The threshold is a probability above 0 and below 1, such as 0.4.");
        }
        switch (request.Objective)
        {
            case "max-f1":
                return null;
            case "precision" or "recall":
                return request.Target is { } target && target is > 0 and <= 1
                    ? null
                    : ProblemResults.Validation("target", $"The {request.Objective} objective needs a target above 0 and at most 1, such as 0.9.");
            case "cost":
                return request.Costs is { } costs && costs.FalsePositive >= 0 && costs.FalseNegative >= 0 && double.IsFinite(costs.FalsePositive)
                    && double.IsFinite(costs.FalseNegative) && costs.FalsePositive + costs.FalseNegative > 0
                    ? null
                    : ProblemResults.Validation("costs", "The cost objective needs costs: { falsePositive, falseNegative }, each 0 or more and not both 0.");
            default:
                return ProblemResults.Validation("objective", $"The objective is one of {Objectives}.");
        }
    }

    private static ThresholdObjective Objective(string name) => name switch
    {
        "precision" => ThresholdObjective.Precision,
        "recall" => ThresholdObjective.Recall,
        "cost" => ThresholdObjective.Cost,
        _ => ThresholdObjective.MaxF1,
    };

    private static ProblemHttpResult NotBinary(Model model) =>
        ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity, "Not a binary model",
            $"A decision threshold applies to binary classifiers only, and this model is a {model.Task} model: its label is {(model.Task == "regression" ? "a number, not a class" : "the most likely class")}.");

    private static string Percent(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
