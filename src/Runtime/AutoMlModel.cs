using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;
using AutoMl.Ml.Bundle;
using AutoMl.Ml.Onnx;
using AutoMl.Ml.Schema;

namespace AutoMl.Runtime;

/// <summary>
/// A model bundle downloaded from AutoMl, loaded for offline prediction. Load once and share: it is thread-safe.
/// Absent columns count as missing, as they do in the API.
/// </summary>
public sealed class AutoMlModel
{
    private static readonly ConcurrentDictionary<Type, (string Column, PropertyInfo Property)[]> Columns = new();
    private readonly ModelBundle _bundle;

    private AutoMlModel(ModelBundle bundle)
    {
        _bundle = bundle;
        Inputs = bundle.Manifest.InputColumns.Select(c => new ModelInput(c.Name, ColumnKindNames.Of(c.Kind))).ToList();
    }

    /// <summary>binary, multiclass or regression.</summary>
    public string Task => _bundle.Task switch
    {
        TaskKind.Binary => "binary",
        TaskKind.Multiclass => "multiclass",
        TaskKind.Regression => "regression",
        _ => throw new InvalidOperationException($"Unknown task {_bundle.Task}."),
    };

    /// <summary>The column the model predicts.</summary>
    public string Target => _bundle.Manifest.Target;

    /// <summary>The classes in the order of the probabilities (empty for regression).</summary>
    public IReadOnlyList<string> Classes => _bundle.Classes;

    /// <summary>The columns the model reads.</summary>
    public IReadOnlyList<ModelInput> Inputs { get; }

    /// <summary>True when SHAP values can be computed (the ensemble has tree or linear members).</summary>
    public bool CanExplain => _bundle.CanExplain;

    /// <summary>The engine version that trained the model.</summary>
    public string EngineVersion => _bundle.Manifest.EngineVersion;

    /// <summary>Loads a bundle file (.automl).</summary>
    /// <exception cref="InvalidDataException">The file is not a model bundle, or one another engine version wrote.</exception>
    public static AutoMlModel Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }

    /// <summary>Loads a bundle from a stream (read to its end; the stream stays open).</summary>
    /// <exception cref="InvalidDataException">The stream is not a model bundle, or one another engine version wrote.</exception>
    public static AutoMlModel Load(Stream bundle)
    {
        try
        {
            return new AutoMlModel(ModelBundle.Load(bundle));
        }
        catch (BundleVersionException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    /// <summary>Predicts one row given as column name → value (numbers, strings, booleans, dates or null).</summary>
    public Prediction Predict(IReadOnlyDictionary<string, object?> row, bool explain = false) =>
        From(_bundle.Predict(row, explain));

    /// <summary>Predicts one typed row: each public property (or its [JsonPropertyName]) is a column, matched in any case.</summary>
    public Prediction Predict<TRow>(TRow row, bool explain = false)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(row);
        // A Dictionary<string, object?> binds here rather than to the IReadOnlyDictionary overload: it is a row already.
        return From(_bundle.Predict(row as IReadOnlyDictionary<string, object?> ?? ToDictionary(row), explain));
    }

    /// <summary>Predicts many rows given as dictionaries, in order.</summary>
    public IReadOnlyList<Prediction> PredictMany(IEnumerable<IReadOnlyDictionary<string, object?>> rows, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Select(r => Predict(r, explain)).ToList();
    }

    /// <summary>Predicts many typed rows, in order.</summary>
    public IReadOnlyList<Prediction> PredictMany<TRow>(IEnumerable<TRow> rows, bool explain = false)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Select(r => Predict(r, explain)).ToList();
    }

    /// <summary>
    /// Predicts every row of a CSV (or TSV, Parquet, JSON lines) stream with a header row, read the way AutoMl reads
    /// uploads; columns the model does not read are ignored.
    /// </summary>
    public async Task<IReadOnlyList<Prediction>> PredictCsvAsync(Stream csv, bool explain = false, CancellationToken cancellationToken = default)
    {
        var predictions = await _bundle.PredictCsvAsync(csv, explain, cancellationToken).ConfigureAwait(false);
        return predictions.Select(From).ToList();
    }

    /// <summary>
    /// The model as one ONNX graph, the same file GET /api/v1/models/{id}/download?format=onnx gives: one input per
    /// column ([N, 1], float for numbers with NaN for missing, string for categories), "probability",
    /// "probabilities" or "value" out.
    /// </summary>
    /// <exception cref="NotSupportedException">The model reads a date or text column; the message names it.</exception>
    public byte[] ToOnnx()
    {
        try
        {
            return _bundle.ToOnnx();
        }
        catch (OnnxExportException e)
        {
            throw new NotSupportedException(OnnxExport.Sentence(e.Message), e);
        }
    }

    private static Prediction From(RowPrediction p) => new(p.Label, p.Value, p.Probabilities, p.Shap, p.ShapExpectedValue);

    private static Dictionary<string, object?> ToDictionary<TRow>(TRow row)
        where TRow : class
    {
        var columns = Columns.GetOrAdd(row.GetType(), type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name, p))
            .ToArray());
        return columns.ToDictionary(c => c.Column, c => c.Property.GetValue(row), StringComparer.OrdinalIgnoreCase);
    }
}
