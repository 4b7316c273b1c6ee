using System.Diagnostics;
using AutoMl.Ml.Bundle;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Explain;

/// <summary>
/// Computes a finished bundle's <see cref="FeatureEffects"/> with the bundle's own prediction path (featuriser, members,
/// weights, calibration) on training rows read back from the processed file. Capped in time: what is left when the cap
/// runs out is named in the effects, and a failure here never fails the training.
/// </summary>
internal static class FeatureEffectsBuilder
{
    public const int MaxFeatures = 6;
    public const int GridPoints = 20;
    /// <summary>Rows averaged into the partial dependence; each is also drawn as an ICE line, so the average is the lines' mean.</summary>
    public const int IceRows = 50;
    public const int ShapRows = 200;

    public static async Task<ModelBundle> AttachAsync(ModelBundle bundle, string dataPath, TimeSpan cap, CancellationToken ct)
    {
        try
        {
            var watch = Stopwatch.StartNew();
            var frame = await ProcessedParquet.LoadAsync(dataPath, [.. bundle.Manifest.InputColumns.Select(c => c.Name)], ct).ConfigureAwait(false);
            return bundle.WithEffects(Build(bundle, frame, cap - watch.Elapsed, ct));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Effects are an explanation of a model that is already good to use: losing them must not lose the model.
            return bundle.WithEffects(new FeatureEffects(null, [], [], [], $"Feature effects could not be computed: {e.Message}"));
        }
    }

    public static FeatureEffects Build(ModelBundle bundle, ColumnFrame frame, TimeSpan cap, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var ranked = bundle.Manifest.Importance.Count > 0
            ? bundle.Manifest.Importance.Select(i => i.Column).ToList()
            : bundle.Manifest.InputColumns.Select(c => c.Name).ToList();
        var top = ranked.Where(frame.Contains).Take(MaxFeatures).ToList();
        var averageSample = Sample(frame, IceRows);
        var output = OutputIndex(bundle, averageSample);
        var outputClass = bundle.Task switch
        {
            TaskKind.Binary => bundle.Classes[1],
            TaskKind.Multiclass => bundle.Classes[output],
            _ => null,
        };
        var shapSample = Sample(frame, ShapRows);
        var plans = new List<CurvePlan>();
        var skipped = new List<string>();
        var notes = new List<string>();
        foreach (var feature in top)
        {
            var column = frame[feature];
            if (column.Kind is not (ColumnKind.Numeric or ColumnKind.Categorical or ColumnKind.Boolean))
            {
                skipped.Add(feature);
                notes.Add($"'{feature}' is {column.Kind.ToString().ToLowerInvariant()}: it has no partial dependence curve");
            }
            else if (Plan(shapSample[feature]) is { } plan)
            {
                plans.Add(plan);
            }
        }
        ct.ThrowIfCancellationRequested();
        var curves = new List<PartialDependence>();
        if (watch.Elapsed > cap)
        {
            skipped.AddRange(plans.Select(p => p.Feature));
            notes.Add($"the time allowed ({cap.TotalSeconds:0.#} s) ran out before {string.Join(", ", plans.Select(p => $"'{p.Feature}'"))}");
        }
        else if (plans.Count > 0)
        {
            // One prediction pass for every curve: a pass costs the bag's set-up whatever its rows, so a pass per feature
            // took five times as long.
            curves = Curves(bundle, averageSample, plans, output);
        }
        // The SHAP summary has a cap of its own: exact TreeSHAP of a large bag takes far longer per row than a prediction.
        var summary = Summary(bundle, shapSample, [.. top.Where(f => frame[f].Kind is ColumnKind.Numeric or ColumnKind.Categorical or ColumnKind.Boolean)], output, Stopwatch.StartNew(), cap);
        if (summary is null)
        {
            notes.Add("no member of the ensemble can be explained with SHAP, so there is no SHAP summary");
        }
        else if (summary.Count > 0 && summary[0].Points.Count < shapSample.RowCount)
        {
            notes.Add($"the SHAP summary covers {summary[0].Points.Count} of {shapSample.RowCount} sampled rows: the time allowed ({cap.TotalSeconds:0.#} s) ran out");
        }
        return new FeatureEffects(outputClass, curves, summary ?? [], skipped, notes.Count == 0 ? null : Capitalise(string.Join("; ", notes)) + ".");
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>
    /// Where the shown output sits in a row of predictions: 0 for regression and for binary (the positive class's
    /// probability), the class a multiclass model gives most probability on the sample.
    /// </summary>
    private static int OutputIndex(ModelBundle bundle, ColumnFrame sample)
    {
        switch (bundle.Task)
        {
            case TaskKind.Binary:
            case TaskKind.Regression:
                return 0;
            case TaskKind.Multiclass:
                {
                    var values = bundle.PredictValues(sample);
                    var width = bundle.Classes.Count;
                    var totals = new double[width];
                    for (var i = 0; i < values.Length; i++)
                    {
                        totals[i % width] += values[i];
                    }
                    return Array.IndexOf(totals, totals.Max());
                }
        }
        return 0;
    }

    /// <summary>A feature's grid: quantiles of a number, or the most frequent levels of a category (codes into its levels).</summary>
    private sealed record CurvePlan(string Feature, IReadOnlyList<double>? Grid, IReadOnlyList<(int Code, string Level)>? Levels)
    {
        public int Points => Grid?.Count ?? Levels!.Count;
    }

    private static CurvePlan? Plan(FrameColumn column)
    {
        var plan = column.Kind == ColumnKind.Numeric
            ? new CurvePlan(column.Name, Quantiles(column), null)
            : new CurvePlan(column.Name, null, TopLevels(column));
        return plan.Points < 2 ? null : plan;
    }

    /// <summary>
    /// The model's output for every sample row with each feature set to each of its grid values, in one prediction pass
    /// over all of them: a pass costs the ensemble's set-up once, which on a bag of fold models outweighs the rows.
    /// </summary>
    private static List<PartialDependence> Curves(ModelBundle bundle, ColumnFrame sample, List<CurvePlan> plans, int output)
    {
        var rows = sample.RowCount;
        var indices = plans.SelectMany(p => Enumerable.Range(0, p.Points * rows).Select(i => i % rows)).ToArray();
        var columns = sample.Columns.Select(c => Pick(c, indices)).ToDictionary(c => c.Name, StringComparer.Ordinal);
        var offset = 0;
        foreach (var plan in plans)
        {
            var column = columns[plan.Feature];
            for (var i = 0; i < plan.Points * rows; i++)
            {
                if (plan.Grid is { } grid)
                {
                    column.Numbers![offset + i] = (float)grid[i / rows];
                }
                else
                {
                    column.Codes![offset + i] = plan.Levels![i / rows].Code;
                }
            }
            offset += plan.Points * rows;
        }
        var values = bundle.PredictValues(new ColumnFrame([.. sample.Columns.Select(c => columns[c.Name])], indices.Length));
        var width = bundle.Task == TaskKind.Multiclass ? bundle.Classes.Count : 1;
        var curves = new List<PartialDependence>();
        offset = 0;
        foreach (var plan in plans)
        {
            var start = offset;
            double At(int point, int row) => values[(start + (point * rows) + row) * width + output];
            var average = Enumerable.Range(0, plan.Points).Select(p => Enumerable.Range(0, rows).Average(r => At(p, r))).ToList();
            var ice = Enumerable.Range(0, rows)
                .Select(r => (IReadOnlyList<double>)[.. Enumerable.Range(0, plan.Points).Select(p => At(p, r))]).ToList();
            curves.Add(plan.Grid is { } grid
                ? new PartialDependence(plan.Feature, "numeric", grid, null, average, ice)
                : new PartialDependence(plan.Feature, "categorical", [.. Enumerable.Range(0, plan.Points).Select(i => (double)i)], [.. plan.Levels!.Select(l => l.Level)], average, ice));
            offset += plan.Points * rows;
        }
        return curves;
    }

    /// <summary>Up to <see cref="GridPoints"/> distinct quantiles, smallest to largest, of the feature's values in the sample.</summary>
    private static List<double> Quantiles(FrameColumn column)
    {
        var values = column.Numbers!.Where(v => !float.IsNaN(v)).Select(v => (double)v).Order().ToArray();
        if (values.Length == 0)
        {
            return [];
        }
        return [.. Enumerable.Range(0, GridPoints)
            .Select(k => values[(int)Math.Round((double)k * (values.Length - 1) / (GridPoints - 1))])
            .Distinct()];
    }

    private static List<(int Code, string Level)> TopLevels(FrameColumn column) =>
        [.. column.Codes!.Where(c => c >= 0).GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Take(GridPoints).Select(g => (g.Key, column.Levels[g.Key]))];

    /// <summary>Per feature, each sampled row's SHAP value (summed over the feature's encoded parts); null when nothing can be explained.</summary>
    private static List<ShapSummary>? Summary(ModelBundle bundle, ColumnFrame sample, IReadOnlyList<string> features, int output, Stopwatch watch, TimeSpan cap)
    {
        if (!bundle.CanExplain || features.Count == 0)
        {
            return bundle.CanExplain ? [] : null;
        }
        var matrix = bundle.Featurizer.Transform(sample);
        var row = new float[matrix.FeatureCount];
        var points = features.ToDictionary(f => f, _ => new List<ShapPoint>(), StringComparer.Ordinal);
        for (var r = 0; r < sample.RowCount && watch.Elapsed <= cap; r++)
        {
            matrix.CopyRow(r, row);
            if (bundle.ShapOfFeatures(row, output) is not { } shap)
            {
                return null;
            }
            var byColumn = bundle.FoldOntoColumns(shap.Values);
            foreach (var feature in features)
            {
                var sum = byColumn.GetValueOrDefault(feature);
                var column = sample[feature];
                var value = column.ValueAt(r);
                points[feature].Add(column.Kind == ColumnKind.Numeric
                    ? new ShapPoint(sum, value is float f ? f : null, null)
                    : new ShapPoint(sum, null, value as string));
            }
        }
        return [.. features.Select(f => new ShapSummary(f, points[f]))];
    }

    /// <summary>Rows spread evenly over the frame.</summary>
    private static ColumnFrame Sample(ColumnFrame frame, int count)
    {
        var take = Math.Min(count, frame.RowCount);
        var rows = Enumerable.Range(0, take).Select(i => (int)((long)i * frame.RowCount / take)).ToArray();
        return new ColumnFrame([.. frame.Columns.Select(c => Pick(c, rows))], take);
    }

    private static FrameColumn Pick(FrameColumn c, int[] rows) => c.Kind switch
    {
        ColumnKind.Numeric => FrameColumn.OfNumbers(c.Name, [.. rows.Select(r => c.Numbers![r])]),
        ColumnKind.Datetime => FrameColumn.OfSeconds(c.Name, [.. rows.Select(r => c.Seconds![r])]),
        ColumnKind.Text => FrameColumn.OfTexts(c.Name, [.. rows.Select(r => c.Texts![r])]),
        ColumnKind.Boolean or ColumnKind.Categorical or ColumnKind.Identifier => FrameColumn.OfCodes(c.Name, c.Kind, [.. rows.Select(r => c.Codes![r])], c.Levels),
    };
}
