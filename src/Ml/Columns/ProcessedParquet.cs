using System.Text.Json;
using AutoMl.Ml.Data;
using AutoMl.Ml.Schema;
using AutoMl.Ml.Serialization;
using Parquet;
using Parquet.Schema;

namespace AutoMl.Ml.Columns;

/// <summary>Reads our processed Parquet with Parquet.Net, one column at a time, into a <see cref="ColumnFrame"/>.</summary>
public static class ProcessedParquet
{
    public static async Task<DatasetSchema> ReadSchemaAsync(string parquetPath, CancellationToken cancellationToken = default)
    {
        await using var reader = await ParquetReader.CreateAsync(parquetPath, null, cancellationToken).ConfigureAwait(false);
        return SchemaOf(reader, parquetPath);
    }

    /// <summary>Loads the named columns (all but identifiers when null).</summary>
    public static async Task<ColumnFrame> LoadAsync(string parquetPath, IReadOnlyCollection<string>? columns = null, CancellationToken cancellationToken = default)
    {
        await using var reader = await ParquetReader.CreateAsync(parquetPath, null, cancellationToken).ConfigureAwait(false);
        var schema = SchemaOf(reader, parquetPath);
        var wanted = columns is null
            ? schema.Columns.Where(c => c.Kind != ColumnKind.Identifier).ToList()
            : columns.Select(schema.Get).ToList();
        var rowCount = checked((int)reader.RowGroups.Sum(g => g.RowCount));
        var loaded = new FrameColumn[wanted.Count];

        // Columns are independent: each worker opens its own reader and decodes every k-th column.
        var workers = Math.Min(Environment.ProcessorCount, Math.Max(1, wanted.Count));
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            await using var own = await ParquetReader.CreateAsync(parquetPath, null, cancellationToken).ConfigureAwait(false);
            var fields = own.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
            for (var i = w; i < wanted.Count; i += workers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                loaded[i] = await ReadColumnAsync(own, fields[wanted[i].Name], wanted[i], rowCount, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken));
        await Task.WhenAll(tasks).ConfigureAwait(false);
        return new ColumnFrame(loaded, rowCount);
    }

    private static DatasetSchema SchemaOf(ParquetReader reader, string path)
    {
        if (reader.CustomMetadata.TryGetValue(TabularReader.SchemaMetadataKey, out var json))
        {
            return JsonSerializer.Deserialize<DatasetSchema>(json, MlJson.Options)
                ?? throw new DataFormatException($"{Path.GetFileName(path)}: unreadable schema metadata.");
        }

        throw new DataFormatException($"{Path.GetFileName(path)} is not a processed Parquet file (no {TabularReader.SchemaMetadataKey} metadata); ingest it first.");
    }

    private static async Task<FrameColumn> ReadColumnAsync(ParquetReader reader, DataField field, ColumnSchema column, int rowCount, CancellationToken ct)
    {
        var offset = 0;
        switch (column.Kind)
        {
            case ColumnKind.Numeric:
                {
                    var values = new float[rowCount];
                    for (var g = 0; g < reader.RowGroupCount; g++)
                    {
                        using var group = reader.OpenRowGroupReader(g);
                        var n = (int)group.RowCount;
                        var buffer = new double?[n];
                        await group.ReadAsync<double>(field, buffer.AsMemory(), null, ct).ConfigureAwait(false);
                        for (var i = 0; i < n; i++)
                        {
                            values[offset + i] = buffer[i] is { } v ? (float)v : float.NaN;
                        }

                        offset += n;
                    }

                    return FrameColumn.OfNumbers(column.Name, values);
                }

            case ColumnKind.Datetime:
                {
                    var values = new double[rowCount];
                    for (var g = 0; g < reader.RowGroupCount; g++)
                    {
                        using var group = reader.OpenRowGroupReader(g);
                        var n = (int)group.RowCount;
                        var buffer = new DateTime?[n];
                        await group.ReadAsync<DateTime>(field, buffer.AsMemory(), null, ct).ConfigureAwait(false);
                        for (var i = 0; i < n; i++)
                        {
                            values[offset + i] = buffer[i] is { } v ? (v - DateTime.UnixEpoch).TotalSeconds : double.NaN;
                        }

                        offset += n;
                    }

                    return FrameColumn.OfSeconds(column.Name, values);
                }

            case ColumnKind.Text:
                {
                    var values = new string?[rowCount];
                    for (var g = 0; g < reader.RowGroupCount; g++)
                    {
                        using var group = reader.OpenRowGroupReader(g);
                        var n = (int)group.RowCount;
                        await group.ReadAsync(field, values.AsMemory(offset, n), null, ct).ConfigureAwait(false);
                        offset += n;
                    }

                    return FrameColumn.OfTexts(column.Name, values);
                }

            case ColumnKind.Boolean:
            case ColumnKind.Categorical:
            case ColumnKind.Identifier:
                {
                    var codes = new int[rowCount];
                    var levels = new List<string>();
                    var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
                    for (var g = 0; g < reader.RowGroupCount; g++)
                    {
                        using var group = reader.OpenRowGroupReader(g);
                        var n = (int)group.RowCount;
                        var buffer = new string?[n];
                        await group.ReadAsync(field, buffer.AsMemory(), null, ct).ConfigureAwait(false);
                        for (var i = 0; i < n; i++)
                        {
                            var s = buffer[i];
                            if (s is null)
                            {
                                codes[offset + i] = -1;
                                continue;
                            }

                            if (!lookup.TryGetValue(s, out var code))
                            {
                                code = levels.Count;
                                lookup.Add(s, code);
                                levels.Add(s);
                            }

                            codes[offset + i] = code;
                        }

                        offset += n;
                    }

                    return FrameColumn.OfCodes(column.Name, column.Kind, codes, levels);
                }

            default:
                throw new NotSupportedException(column.Kind.ToString());
        }
    }
}
