using System.Text.Json;
using AutoMl.Infrastructure.Datasets;

namespace AutoMl.Api.Datasets;

internal static class DatasetViews
{
    public static DatasetView ToView(this Dataset d) => new(
        d.Id, d.Name, d.Status, d.Error, d.Format, d.SizeBytes, d.Sha256, d.Rows,
        d.ColumnsJson is null ? null : JsonSerializer.Deserialize<List<DatasetColumn>>(d.ColumnsJson, JsonSerializerOptions.Web),
        d.TargetSuggestion, d.TaskSuggestion, d.CreatedAt, d.LastUsedAt);

    public static DatasetSummary ToSummary(this Dataset d) => new(d.Id, d.Name, d.Status, d.Format, d.SizeBytes, d.Rows, d.CreatedAt);
}
