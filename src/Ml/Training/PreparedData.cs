using AutoMl.Ml.Columns;
using AutoMl.Ml.Features;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Training;

/// <summary>The processed Parquet turned into training rows: features learned on those rows, labels, classes.</summary>
internal sealed record PreparedData(TrainingData Data, Featurizer Featurizer, IReadOnlyList<ColumnSchema> Inputs, IReadOnlyList<string> Classes)
{
    public static async Task<PreparedData> LoadAsync(TrainingRequest request, CancellationToken ct)
    {
        var schema = await ProcessedParquet.ReadSchemaAsync(request.DataPath, ct).ConfigureAwait(false);
        var target = schema.Find(request.Target)
            ?? throw new DataException($"The data has no column named '{request.Target}' to predict. Its columns are: {string.Join(", ", schema.Columns.Select(c => c.Name).Take(30))}.");
        var inputs = schema.Columns
            .Where(c => c.Name != target.Name && c.Kind != ColumnKind.Identifier && !request.ExcludedColumns.Contains(c.Name))
            .ToList();
        if (inputs.Count == 0)
        {
            throw new DataException("No column is left to learn from: besides the target, every column is excluded or an identifier (a different value in each row). Keep at least one column that describes the rows.");
        }

        var frame = await ProcessedParquet.LoadAsync(request.DataPath, [.. inputs.Select(c => c.Name), target.Name], ct).ConfigureAwait(false);
        var targetColumn = frame[target.Name];
        var task = request.Task ?? TaskInference.Infer(targetColumn.Kind == ColumnKind.Numeric, DistinctValues(targetColumn));
        var labelled = targetColumn.Kind == ColumnKind.Numeric
            ? Enumerable.Range(0, frame.RowCount).Where(i => !float.IsNaN(targetColumn.Numbers![i])).ToArray()
            : Enumerable.Range(0, frame.RowCount).Where(i => targetColumn.ValueAt(i) is not null).ToArray();
        if (labelled.Length < 2)
        {
            throw new DataException($"Fewer than two rows have a value in the target '{target.Name}'. Choose a target that is filled in.");
        }

        List<string> classes = [];
        double[] y;
        if (task == TaskKind.Regression)
        {
            if (targetColumn.Kind != ColumnKind.Numeric)
            {
                throw new DataException($"Regression needs a numeric target, and '{target.Name}' does not hold numbers. Choose classification, or a numeric target.");
            }

            y = labelled.Select(i => (double)targetColumn.Numbers![i]).ToArray();
        }
        else
        {
            var labels = labelled.Select(i => Features.CellValues.ToLabel(targetColumn.ValueAt(i))!).ToArray();
            classes = labels.Distinct().Order(StringComparer.Ordinal).ToList();
            if (classes.Count < 2)
            {
                throw new DataException($"Every row of the target '{target.Name}' has the same value, so there is nothing to predict. Choose a column whose values differ.");
            }

            if (task == TaskKind.Binary && classes.Count != 2)
            {
                throw new DataException($"Binary classification needs two classes, and '{target.Name}' has {classes.Count}. Choose multiclass, or leave the task to be inferred.");
            }

            var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (double)x.i, StringComparer.Ordinal);
            y = labels.Select(l => index[l]).ToArray();
        }

        var groups = Ablation.GroupTotals ? GroupTotals.Find(frame, inputs, labelled, y, task, Math.Max(classes.Count, 2)) : [];
        var featurizer = Featurizer.Fit(frame, inputs, labelled, groups);
        var matrix = featurizer.Transform(frame);
        if (labelled.Length != frame.RowCount)
        {
            matrix = new FeatureMatrix(
                matrix.Columns.Select(c => labelled.Select(i => c[i]).ToArray()).ToArray(),
                labelled.Length,
                matrix.Text is null ? null : labelled.Select(i => matrix.Text[i]).ToArray());
        }

        return new PreparedData(new TrainingData(matrix, y, task, Math.Max(classes.Count, 2)), featurizer, inputs, classes);
    }

    private static int DistinctValues(FrameColumn column) => column.Kind == ColumnKind.Numeric
        ? column.Numbers!.Where(v => !float.IsNaN(v)).Distinct().Count()
        : column.Codes is { } codes ? codes.Where(c => c >= 0).Distinct().Count() : 0;
}
