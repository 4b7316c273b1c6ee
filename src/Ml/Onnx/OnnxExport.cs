using System.Text.Json;
using AutoMl.Ml.Bundle;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Features;
using AutoMl.Ml.Schema;
using AutoMl.Ml.Training;

namespace AutoMl.Ml.Onnx;

/// <summary>
/// The whole bundle as one ONNX graph: one input per column (numbers as float, categories as string, shape [N, 1]),
/// the featuriser in ONNX operators, every member's fold models as the ONNX converter writes them, and their weighted
/// average (with the multiclass temperature) as the output: "probability" of the second class (binary),
/// "probabilities" (multiclass, in the order of the "classes" metadata) or "value" (regression).
/// </summary>
public static class OnnxExport
{
    /// <summary>The refusal as the sentence users read (API problem, dashboard, runtime exception).</summary>
    public static string Sentence(string reason) => $"This model cannot be exported to ONNX: {reason}.";

    internal static string? Refusal(ModelBundle bundle) =>
        Refusal(bundle.Featurizer.Spec.Columns.Select(c => (c.Column, c.Kind)));

    /// <summary>
    /// Why a model reading these columns cannot be exported, or null: the featuriser turns a date into parts and text
    /// into n-grams, which have no ONNX form here; numbers and categories do. Every learner converts.
    /// </summary>
    public static string? Refusal(IEnumerable<(string Column, ColumnKind Kind)> columns)
    {
        foreach (var (column, kind) in columns)
        {
            switch (kind)
            {
                case ColumnKind.Datetime:
                    return $"the column {column} is a date, and its parts (year, month, weekday, …) are not expressed in ONNX operators yet. Train without it, or run the bundle with the AutoMl.Runtime package";
                case ColumnKind.Text:
                    return $"the column {column} is free text, whose n-gram features ONNX cannot express here. Train without it, or run the bundle with the AutoMl.Runtime package";
                case ColumnKind.Numeric:
                case ColumnKind.Boolean:
                case ColumnKind.Categorical:
                case ColumnKind.Identifier:
                    break;
            }
        }

        return null;
    }

    internal static byte[] Write(ModelBundle bundle)
    {
        if (Refusal(bundle) is { } reason)
        {
            throw new OnnxExportException(reason);
        }

        var graph = new OnnxGraph();
        var features = Featurise(graph, bundle.Featurizer);
        var width = bundle.Task == TaskKind.Multiclass ? bundle.Classes.Count : 1;
        var schema = bundle.EmptyFeatures();
        var parts = new List<string>();
        foreach (var member in bundle.Members)
        {
            var share = (float)(member.Info.Weight / member.Folds.Count);
            if (share == 0)
            {
                continue;
            }

            foreach (var fold in member.Folds)
            {
                string output;
                try
                {
                    output = FoldOutput(graph, bundle, fold, schema, features, width);
                }
                catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
                {
                    throw new OnnxExportException($"the ensemble has a member of kind {Names.Learner(member.Info.Learner)} that ONNX cannot express ({e.Message})", e);
                }

                parts.Add(graph.Node("Mul", [output, graph.Constant([share], [1, 1], "share")]));
            }
        }

        var combined = parts.Count == 1 ? parts[0] : graph.Node("Sum", parts);
        var result = Finish(graph, bundle, combined);
        graph.Output(result, OnnxGraph.Float, width);
        graph.Metadata("task", Names.Task(bundle.Task));
        graph.Metadata("target", bundle.Manifest.Target);
        graph.Metadata("classes", JsonSerializer.Serialize(bundle.Classes));
        graph.Metadata("inputs", JsonSerializer.Serialize(bundle.Featurizer.Spec.Columns.Where(c => c.Encoding != FeatureEncoding.GroupTotal).Select(c => c.Column).Distinct()));
        return graph.ToModel("automl");
    }

    /// <summary>The featuriser in ONNX operators; returns the [N, features] float tensor the members read.</summary>
    private static string Featurise(OnnxGraph graph, Featurizer featurizer)
    {
        var pieces = new List<string>();
        foreach (var spec in featurizer.Spec.Columns.OrderBy(s => s.FirstFeature))
        {
            switch (spec.Encoding)
            {
                case FeatureEncoding.Number:
                    {
                        graph.Input(spec.Column, OnnxGraph.Float, 1);
                        var missing = graph.Node("IsNaN", [spec.Column]);
                        pieces.Add(graph.Node("Where", [missing, graph.Constant([spec.Fill], [1, 1], "fill"), spec.Column]));
                        if (spec.MissingFlag)
                        {
                            pieces.Add(graph.Node("Cast", [missing], attributes: a => a.Int("to", OnnxGraph.Float)));
                        }

                        break;
                    }

                case FeatureEncoding.OneHot:
                case FeatureEncoding.FrequencyRank:
                    {
                        graph.Input(spec.Column, OnnxGraph.String, 1);
                        // Unseen and missing levels are -1, as in the featuriser: all zeros for one-hot, rank -1.
                        var code = graph.Node("LabelEncoder", [spec.Column], attributes: a => a
                            .Strings("keys_strings", spec.Levels)
                            .Ints("values_int64s", Enumerable.Range(0, spec.Levels.Count).Select(i => (long)i))
                            .Int("default_int64", -1), domain: OnnxGraph.MlDomain);
                        if (spec.Encoding == FeatureEncoding.FrequencyRank)
                        {
                            pieces.Add(graph.Node("Cast", [code], attributes: a => a.Int("to", OnnxGraph.Float)));
                            break;
                        }

                        for (var level = 0; level < spec.Levels.Count; level++)
                        {
                            var hit = graph.Node("Equal", [code, graph.Constant(level, "level")]);
                            pieces.Add(graph.Node("Cast", [hit], attributes: a => a.Int("to", OnnxGraph.Float)));
                        }

                        break;
                    }

                case FeatureEncoding.GroupTotal:
                    {
                        // Added in the featuriser's order, so the float total is the same to the last bit.
                        string? total = null;
                        foreach (var member in spec.Levels)
                        {
                            var source = featurizer.Spec.Columns.FirstOrDefault(c => c.Encoding == FeatureEncoding.Number && c.Column == member)
                                ?? throw new OnnxExportException($"the total {spec.Column} adds a column ({member}) the model does not read as a number");
                            var filled = graph.Node("Where", [graph.Node("IsNaN", [member]), graph.Constant([source.Fill], [1, 1], "fill"), member]);
                            total = total is null ? filled : graph.Node("Add", [total, filled]);
                        }

                        pieces.Add(total ?? throw new OnnxExportException($"the total {spec.Column} has no columns"));
                        break;
                    }

                case FeatureEncoding.DateParts:
                case FeatureEncoding.Text:
                    throw new OnnxExportException($"the column {spec.Column} cannot be featurised in ONNX operators");
            }
        }

        if (pieces.Count == 0)
        {
            throw new OnnxExportException("the model reads no feature ONNX can express");
        }

        return graph.Node("Concat", pieces, "Features", a => a.Int("axis", 1));
    }

    /// <summary>A fold model's [N, width] output, as <see cref="FittedModel.Predict"/> reads it.</summary>
    private static string FoldOutput(OnnxGraph graph, ModelBundle bundle, FittedModel fold, FeatureDataView schema, string features, int width)
    {
        var ml = bundle.Context;
        switch (fold.Kind)
        {
            case OutputKind.Constant:
                return graph.Constant(fold.Constant!.Select(v => (float)v).ToArray(), [1, width], "constant");
            case OutputKind.Regression:
                return OnnxMember.Graft(graph, ml, fold.Transformers[0], schema, features, "Score");
            case OutputKind.LogRegression:
                return graph.Node("Exp", [OnnxMember.Graft(graph, ml, fold.Transformers[0], schema, features, "Score")]);
            case OutputKind.BinaryProbability:
                return OnnxMember.Graft(graph, ml, fold.Transformers[0], schema, features, "Probability");
            case OutputKind.RegressionAsProbability:
                return Clip(graph, OnnxMember.Graft(graph, ml, fold.Transformers[0], schema, features, "Score"));
            case OutputKind.MulticlassScores:
                return OnnxMember.Graft(graph, ml, fold.Transformers[0], schema, features, "Score");
            case OutputKind.OneVsRestRegression:
                {
                    var perClass = fold.Transformers.Select(t => Clip(graph, OnnxMember.Graft(graph, ml, t, schema, features, "Score"))).ToList();
                    var scores = graph.Node("Concat", perClass, attributes: a => a.Int("axis", 1));
                    var sum = graph.Node("MatMul", [scores, graph.Constant(Enumerable.Repeat(1f, perClass.Count).ToArray(), [perClass.Count, 1], "ones")]);
                    var none = graph.Node("Equal", [sum, graph.Constant([0f], [1, 1], "zero")]);
                    var normalised = graph.Node("Div", [scores, sum]);
                    return graph.Node("Where", [none, graph.Constant([1f / perClass.Count], [1, 1], "uniform"), normalised]);
                }

            default:
                throw new OnnxExportException($"a member's output kind {fold.Kind} has no ONNX form");
        }
    }

    private static string Clip(OnnxGraph graph, string input) =>
        graph.Node("Clip", [input, graph.Constant([0f], [], "min"), graph.Constant([1f], [], "max")]);

    /// <summary>The multiclass temperature, softmax(log p / T), as <see cref="TemperatureScaling.Apply"/> does it.</summary>
    private static string Finish(OnnxGraph graph, ModelBundle bundle, string combined)
    {
        var name = bundle.Task switch
        {
            TaskKind.Binary => "probability",
            TaskKind.Multiclass => "probabilities",
            TaskKind.Regression => "value",
            _ => throw new OnnxExportException($"the task {bundle.Task} has no ONNX form"),
        };
        var temperature = bundle.Manifest.Temperature;
        if (bundle.Task != TaskKind.Multiclass || Math.Abs(temperature - 1) <= 1e-12)
        {
            return graph.Node("Identity", [combined], name);
        }

        var floor = graph.Node("Max", [combined, graph.Constant([1e-15f], [1, 1], "eps")]);
        var scaled = graph.Node("Div", [graph.Node("Log", [floor]), graph.Constant([(float)temperature], [1, 1], "temperature")]);
        return graph.Node("Softmax", [scaled], name, a => a.Int("axis", 1));
    }

    private static class Names
    {
        public static string Task(TaskKind task) => task.ToString().ToLowerInvariant();

        public static string Learner(Learner learner) => learner.ToString();
    }
}
