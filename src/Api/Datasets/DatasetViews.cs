using System.Linq.Expressions;
using System.Text.Json;
using AutoMl.Infrastructure.Datasets;

namespace AutoMl.Api.Datasets;

internal static class DatasetViews
{
    /// <param name="latestVersion">The lineage's newest version number; a freshly stored upload is its own lineage's newest.</param>
    public static DatasetView ToView(this Dataset d, int? latestVersion = null, SchemaChanges? changes = null) => new(
        d.Id, d.Name, d.Status, d.Error, d.Format, d.SizeBytes, d.Sha256, d.Rows, Columns(d),
        d.TargetSuggestion, d.TaskSuggestion, d.CreatedAt, d.LastUsedAt, d.Version, latestVersion ?? d.Version, changes, Checks(d));

    /// <summary>A data set as lists show it, built in SQL so a list reads none of the row's JSON columns.</summary>
    public static readonly Expression<Func<Dataset, DatasetSummary>> Summary =
        d => new DatasetSummary(d.Id, d.Name, d.Status, d.Format, d.SizeBytes, d.Rows, d.CreatedAt, d.Version);

    public static DatasetVersionView ToVersionView(this Dataset d, SchemaChanges? changes) =>
        new(d.Version, d.Id, d.Name, d.Status, d.Error, d.Rows, d.CreatedAt, changes);

    public static List<DatasetCheck>? Checks(Dataset d) =>
        d.ChecksJson is null ? null : JsonSerializer.Deserialize<List<DatasetCheck>>(d.ChecksJson, JsonSerializerOptions.Web);

    public static List<DatasetColumn>? Columns(Dataset d) =>
        d.ColumnsJson is null ? null : JsonSerializer.Deserialize<List<DatasetColumn>>(d.ColumnsJson, JsonSerializerOptions.Web);
}
