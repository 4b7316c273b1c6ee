using System.Text.Json;
using AutoMl.Infrastructure.Models;

namespace AutoMl.Api.Models;

/// <summary>A model row as GET /models/{id} shows it (the threshold endpoints answer the same view).</summary>
internal static class ModelViews
{
    public static ModelView From(Model m)
    {
        var curves = Read<ModelCurveSet>(m.CurvesJson);
        return new ModelView(m.Id, m.JobId, m.DatasetId, m.Task, m.Target, m.Metric, m.Score, Read<Dictionary<string, double>>(m.MetricsJson),
            Read<List<string>?>(m.ClassesJson), Read<List<ModelImportance>>(m.ImportanceJson), curves,
            Read<List<ModelLeaderboardEntry>>(m.LeaderboardJson), Read<List<ModelInputColumn>>(m.InputColumnsJson), m.BundleBytes, m.CreatedAt,
            ModelEnsemble.Read(m.LeaderboardJson), ModelExport.For(Read<List<ModelInputColumn>>(m.InputColumnsJson)), ModelThresholds.View(m, curves));
    }

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web)!;
}
