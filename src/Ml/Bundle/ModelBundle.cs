using System.Collections.Concurrent;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Data;
using AutoMl.Ml.Explain;
using AutoMl.Ml.Features;
using AutoMl.Ml.Schema;
using AutoMl.Ml.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMl.Ml.Bundle;

/// <summary>
/// A trained model as one file: the ML.NET models of the ensemble, the featuriser and our metadata.
/// Load once, predict many times; safe to share between threads.
/// </summary>
public sealed partial class ModelBundle
{
    private readonly MLContext _ml = new(0);
    private readonly IReadOnlyList<MemberModels> _members;
    private readonly Featurizer _featurizer;
    private readonly SchemaDefinition _inputDefinition;
    private readonly ConcurrentBag<ScorerSet> _scorers = [];
    private readonly string[] _sourceColumns;
    private readonly (int Column, double Share)[][] _sourceParts;
    private readonly Dictionary<ShapEnsemble, double> _expected = new(ReferenceEqualityComparer.Instance);
    private readonly List<LinearExplainer>?[] _linear;

    internal ModelBundle(BundleManifest manifest, IReadOnlyList<MemberModels> members)
    {
        Manifest = manifest;
        _members = members;
        _featurizer = new Featurizer(manifest.Featurizer);
        _inputDefinition = SchemaDefinition.Create(typeof(FeatureInput));
        _inputDefinition[FeatureDataView.FeaturesColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Math.Max(1, _featurizer.FeatureCount));
        (_sourceColumns, _sourceParts) = _featurizer.ShapFolding();
        foreach (var ensemble in members.Where(m => m.Shap is not null).SelectMany(m => m.Shap!).SelectMany(e => e))
        {
            _expected[ensemble] = ensemble.ExpectedValue();
        }

        _linear = members.Select(m => LinearExplainers(m, manifest.FeatureMeans)).ToArray();
    }

    public BundleManifest Manifest { get; }

    public TaskKind Task => Manifest.Task;

    public IReadOnlyList<string> Classes => Manifest.Classes;

    /// <summary>True when SHAP values can be computed (the ensemble has tree or linear members).</summary>
    public bool CanExplain => _members.Where((m, i) => Explains(i)).Any(m => m.Info.Weight > 0);

    private int Width => Task == TaskKind.Multiclass ? Classes.Count : 1;

    public RowPrediction Predict(IReadOnlyDictionary<string, object?> row, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(row);
        var set = RentScorers();
        try
        {
            _featurizer.TransformRow(row, set.Input.Features, out var text);
            set.Input.Text = text ?? string.Empty;
            Span<double> combined = stackalloc double[Width];
            Span<double> one = stackalloc double[Width];
            combined.Clear();
            for (var m = 0; m < _members.Count; m++)
            {
                var member = _members[m];
                var share = member.Info.Weight / member.Folds.Count;
                for (var f = 0; f < member.Folds.Count; f++)
                {
                    set.Scorers[m][f].Score(set.Input, one);
                    for (var k = 0; k < one.Length; k++)
                    {
                        combined[k] += share * one[k];
                    }
                }
            }

            var values = combined.ToArray();
            Finish(values);
            var prediction = ToPrediction(values, 0);
            return explain ? WithShap(prediction, set.Input.Features, values) : prediction;
        }
        finally
        {
            _scorers.Add(set);
        }
    }

    public IReadOnlyList<RowPrediction> Predict(IEnumerable<IReadOnlyDictionary<string, object?>> rows, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Select(r => Predict(r, explain)).ToList();
    }

    /// <summary>Batch prediction over a column store (batch jobs, the benchmark): one pass of each model over the rows.</summary>
    public IReadOnlyList<RowPrediction> Predict(ColumnFrame frame)
    {
        var values = PredictValues(frame);
        return Enumerable.Range(0, frame.RowCount).Select(i => ToPrediction(values, i)).ToList();
    }

    /// <summary>Predictions of a CSV (or Parquet / JSON lines) stream, read with the same reader as uploads.</summary>
    public async Task<IReadOnlyList<RowPrediction>> PredictCsvAsync(Stream csv, bool explain = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var folder = Path.Combine(Path.GetTempPath(), "automl-predict-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, "input.csv");
            await using (var file = File.Create(input))
            {
                await csv.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            var parquet = Path.Combine(folder, "input.parquet");
            await TabularReader.IngestAsync(input, parquet, null, cancellationToken).ConfigureAwait(false);
            var schema = await ProcessedParquet.ReadSchemaAsync(parquet, cancellationToken).ConfigureAwait(false);
            var needed = Manifest.InputColumns.Select(c => c.Name).Where(n => schema.Find(n) is not null).ToList();
            var frame = await ProcessedParquet.LoadAsync(parquet, needed, cancellationToken).ConfigureAwait(false);
            if (!explain)
            {
                return Predict(frame);
            }

            return Enumerable.Range(0, frame.RowCount)
                .Select(i => Predict(frame.Columns.ToDictionary(c => c.Name, c => c.ValueAt(i)), true))
                .ToList();
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    /// <summary>n×C combined predictions (probabilities after calibration, or values).</summary>
    public double[] PredictValues(ColumnFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var features = _featurizer.Transform(frame);
        var view = new FeatureDataView(features, null, null, LabelKind.None, Classes.Count, features.Text is not null);
        var combined = new double[frame.RowCount * Width];
        foreach (var member in _members)
        {
            var share = member.Info.Weight / member.Folds.Count;
            foreach (var fold in member.Folds)
            {
                var p = fold.Predict(view, frame.RowCount, Task, Classes.Count);
                for (var i = 0; i < combined.Length; i++)
                {
                    combined[i] += share * p[i];
                }
            }
        }

        Finish(combined);
        return combined;
    }

    /// <summary>
    /// Raw-score SHAP of one featurised row, per feature: the weighted sum of the explainable members' SHAP values
    /// (exact TreeSHAP for trees, exact linear SHAP for linear models), with weights renormalised over them.
    /// </summary>
    internal (double[] Values, double Expected)? ShapOfFeatures(ReadOnlySpan<float> features, int classIndex)
    {
        var phi = new double[_featurizer.FeatureCount];
        double expected = 0;
        var explainedWeight = _members.Where((m, i) => Explains(i)).Sum(m => m.Info.Weight);
        if (explainedWeight <= 0)
        {
            return null;
        }

        for (var m = 0; m < _members.Count; m++)
        {
            var member = _members[m];
            if (member.Shap is not null)
            {
                var share = member.Info.Weight / explainedWeight / member.Shap.Count;
                foreach (var perClass in member.Shap)
                {
                    var ensemble = perClass[Math.Min(classIndex, perClass.Count - 1)];
                    var values = ensemble.Shap(features, phi.Length);
                    var baseline = _expected[ensemble];
                    if (member.Info.Output == OutputKind.LogRegression)
                    {
                        (values, baseline) = FromLogScale(values, baseline);
                    }

                    Add(phi, values, share);
                    expected += share * baseline;
                }
            }
            else if (_linear[m] is { } folds)
            {
                var share = member.Info.Weight / explainedWeight / folds.Count;
                foreach (var linear in folds)
                {
                    Add(phi, linear.Shap(features, classIndex), share);
                    expected += share * linear.ExpectedValue(classIndex);
                }
            }
        }

        return (phi, expected);
    }

    /// <summary>
    /// SHAP values of a model of log(y) as values of y: the log-scale values scaled alike so that they add up to
    /// exp(score) − exp(expected), the member's own prediction less its baseline (each keeps its share of the change).
    /// </summary>
    private static (double[] Values, double Expected) FromLogScale(double[] logValues, double logExpected)
    {
        var change = logValues.Sum();
        var scale = Math.Abs(change) > 1e-12 ? (Math.Exp(logExpected + change) - Math.Exp(logExpected)) / change : Math.Exp(logExpected);
        return (logValues.Select(v => v * scale).ToArray(), Math.Exp(logExpected));
    }

    private static void Add(double[] total, double[] values, double share)
    {
        for (var j = 0; j < total.Length; j++)
        {
            total[j] += share * values[j];
        }
    }

    private bool Explains(int member) => _members[member].Shap is not null || _linear[member] is not null;

    /// <summary>Linear explainers of a linear member's fold models, or null when it is not linear or one cannot be read.</summary>
    private static List<LinearExplainer>? LinearExplainers(MemberModels member, IReadOnlyList<double>? means)
    {
        if (means is null || member.Shap is not null || member.Info.Learner != Learner.Linear)
        {
            return null;
        }

        var explainers = new List<LinearExplainer>();
        foreach (var fold in member.Folds)
        {
            if (fold.Transformers.Count != 1 || LinearExplainer.TryExtract(fold.Transformers[0], means) is not { } explainer)
            {
                return null;
            }

            explainers.Add(explainer);
        }

        return explainers;
    }

    private RowPrediction WithShap(RowPrediction prediction, float[] features, double[] values)
    {
        var classIndex = Task == TaskKind.Multiclass ? Array.IndexOf(values, values.Max()) : 0;
        var shap = ShapOfFeatures(features, classIndex);
        if (shap is null)
        {
            return prediction;
        }

        return prediction with { Shap = FoldOntoColumns(shap.Value.Values), ShapExpectedValue = shap.Value.Expected };
    }

    /// <summary>Features' SHAP values as the input columns' (a column's features summed; a group total shared among its members).</summary>
    internal Dictionary<string, double> FoldOntoColumns(IReadOnlyList<double> featureShap)
    {
        var perColumn = new double[_sourceColumns.Length];
        for (var j = 0; j < featureShap.Count; j++)
        {
            foreach (var (column, share) in _sourceParts[j])
            {
                perColumn[column] += share * featureShap[j];
            }
        }

        return _sourceColumns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => perColumn[x.i], StringComparer.Ordinal);
    }

    private void Finish(double[] values)
    {
        if (Task == TaskKind.Multiclass && Math.Abs(Manifest.Temperature - 1) > 1e-12)
        {
            var k = Classes.Count;
            for (var i = 0; i < values.Length; i += k)
            {
                TemperatureScaling.Apply(values.AsSpan(i, k), Manifest.Temperature);
            }
        }
    }

    private RowPrediction ToPrediction(double[] values, int row)
    {
        switch (Task)
        {
            case TaskKind.Regression:
                return new RowPrediction(null, values[row], null);
            case TaskKind.Binary:
                {
                    var p = values[row];
                    var probabilities = new Dictionary<string, double>(StringComparer.Ordinal) { [Classes[0]] = 1 - p, [Classes[1]] = p };
                    return new RowPrediction(DecisionThreshold.Label(Classes, p), null, probabilities);
                }

            case TaskKind.Multiclass:
            default:
                {
                    var k = Classes.Count;
                    var probabilities = new Dictionary<string, double>(k, StringComparer.Ordinal);
                    var best = 0;
                    for (var c = 0; c < k; c++)
                    {
                        probabilities[Classes[c]] = values[row * k + c];
                        if (values[row * k + c] > values[row * k + best])
                        {
                            best = c;
                        }
                    }

                    return new RowPrediction(Classes[best], null, probabilities);
                }
        }
    }

    private ScorerSet RentScorers()
    {
        if (_scorers.TryTake(out var set))
        {
            return set;
        }

        var scorers = _members.Select(m => m.Folds.Select(f => new RowScorer(_ml, f, _inputDefinition)).ToArray()).ToArray();
        return new ScorerSet(scorers, new FeatureInput { Features = new float[_featurizer.FeatureCount] });
    }

    private sealed record ScorerSet(RowScorer[][] Scorers, FeatureInput Input);
}
