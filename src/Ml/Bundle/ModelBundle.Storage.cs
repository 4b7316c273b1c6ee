using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using AutoMl.Ml.Columns;
using AutoMl.Ml.Explain;
using AutoMl.Ml.Features;
using AutoMl.Ml.Serialization;
using AutoMl.Ml.Training;
using Microsoft.ML;

namespace AutoMl.Ml.Bundle;

/// <summary>The bundle file: a zip of manifest.json, models/m{member}_f{fold}_{part}.zip (ML.NET) and shap/m{member}_f{fold}.bin.</summary>
public sealed partial class ModelBundle
{
    private const string ManifestEntry = "manifest.json";

    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal).Open())
        {
            JsonSerializer.Serialize(entry, Manifest, MlJson.Options);
        }

        var emptyMatrix = new FeatureMatrix(Enumerable.Range(0, _featurizer.FeatureCount).Select(_ => Array.Empty<float>()).ToArray(), 0, _featurizer.Spec.HasText ? [] : null);
        var inputSchema = new FeatureDataView(emptyMatrix, null, null, LabelKind.None, Classes.Count, _featurizer.Spec.HasText).Schema;
        for (var m = 0; m < _members.Count; m++)
        {
            var member = _members[m];
            for (var f = 0; f < member.Folds.Count; f++)
            {
                var transformers = member.Folds[f].Transformers;
                for (var p = 0; p < transformers.Count; p++)
                {
                    using var entry = zip.CreateEntry(ModelEntry(m, f, p), CompressionLevel.Fastest).Open();
                    using var buffer = new MemoryStream();
                    _ml.Model.Save(transformers[p], inputSchema, buffer);
                    buffer.Position = 0;
                    buffer.CopyTo(entry);
                }

                if (member.Shap is not null)
                {
                    using var entry = zip.CreateEntry(ShapEntry(m, f), CompressionLevel.Fastest).Open();
                    using var writer = new BinaryWriter(entry);
                    ShapSerializer.Write(writer, member.Shap[f]);
                }
            }
        }
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        Save(file);
    }

    public static ModelBundle Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }

    /// <summary>Reads a bundle; refuses one written by another major engine version.</summary>
    public static ModelBundle Load(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var zip = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        var manifestEntry = zip.GetEntry(ManifestEntry) ?? throw new InvalidDataException("This file is not a model bundle: it has no manifest.json.");
        int major;
        using (var stream = manifestEntry.Open())
        {
            using var document = JsonDocument.Parse(stream);
            major = document.RootElement.TryGetProperty("formatMajor", out var value) ? value.GetInt32() : 0;
            var version = document.RootElement.TryGetProperty("engineVersion", out var v) ? v.GetString() : "unknown";
            if (major != EngineVersion.Major)
            {
                throw new BundleVersionException(string.Create(CultureInfo.InvariantCulture,
                    $"This model bundle was written by engine {version} (bundle format {major}); this engine ({EngineVersion.Current}) reads format {EngineVersion.Major} only. Retrain the model with this version."));
            }
        }

        BundleManifest manifest;
        using (var stream = manifestEntry.Open())
        {
            manifest = JsonSerializer.Deserialize<BundleManifest>(stream, MlJson.Options) ?? throw new InvalidDataException("The bundle's manifest is empty.");
        }

        var ml = new MLContext(0);
        var members = new List<MemberModels>();
        for (var m = 0; m < manifest.Members.Count; m++)
        {
            var info = manifest.Members[m];
            var folds = new List<FittedModel>();
            List<IReadOnlyList<ShapEnsemble>>? shap = null;
            for (var f = 0; f < info.FoldCount; f++)
            {
                var transformers = new List<ITransformer>();
                for (var p = 0; p < info.TransformersPerFold; p++)
                {
                    var entry = zip.GetEntry(ModelEntry(m, f, p)) ?? throw new InvalidDataException($"The bundle lacks {ModelEntry(m, f, p)}.");
                    using var stream = entry.Open();
                    using var buffer = new MemoryStream();
                    stream.CopyTo(buffer);
                    buffer.Position = 0;
                    transformers.Add(ml.Model.Load(buffer, out _));
                }

                folds.Add(new FittedModel(info.Output, transformers, info.Constant?.ToArray()));
                if (zip.GetEntry(ShapEntry(m, f)) is { } shapEntry)
                {
                    using var stream = shapEntry.Open();
                    using var reader = new BinaryReader(stream);
                    (shap ??= []).Add(ShapSerializer.Read(reader));
                }
            }

            members.Add(new MemberModels(info, folds, shap));
        }

        return new ModelBundle(manifest, members);
    }

    private static string ModelEntry(int member, int fold, int part) => string.Create(CultureInfo.InvariantCulture, $"models/m{member}_f{fold}_{part}.zip");

    private static string ShapEntry(int member, int fold) => string.Create(CultureInfo.InvariantCulture, $"shap/m{member}_f{fold}.bin");
}
