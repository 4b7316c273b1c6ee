using AutoMl.Ml.Features;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMl.Ml.Columns;

/// <summary>
/// Our columnar <see cref="IDataView"/>: ML.NET reads features straight from the feature arrays
/// (optionally a subset of rows, for folds) without row objects.
/// </summary>
public sealed class FeatureDataView : IDataView
{
    public const string FeaturesColumn = "Features";
    public const string LabelColumn = "Label";
    public const string TextColumn = "Text";

    private readonly FeatureMatrix _matrix;
    private readonly int[]? _rows;
    private readonly float[]? _labels;
    private readonly LabelKind _labelKind;

    public FeatureDataView(FeatureMatrix matrix, int[]? rows, float[]? labels, LabelKind labelKind, int classCount = 0, bool includeText = false)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        _matrix = matrix;
        _rows = rows;
        _labels = labels;
        _labelKind = labels is null ? LabelKind.None : labelKind;
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(FeaturesColumn, new VectorDataViewType(NumberDataViewType.Single, matrix.FeatureCount));
        switch (_labelKind)
        {
            case LabelKind.Boolean:
                builder.AddColumn(LabelColumn, BooleanDataViewType.Instance);
                break;
            case LabelKind.Real:
                builder.AddColumn(LabelColumn, NumberDataViewType.Single);
                break;
            case LabelKind.Key:
                builder.AddColumn(LabelColumn, new KeyDataViewType(typeof(uint), classCount));
                break;
            case LabelKind.None:
                break;
        }

        if (includeText)
        {
            builder.AddColumn(TextColumn, TextDataViewType.Instance);
        }

        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows?.Length ?? _matrix.RowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Select(c => c.Index).ToHashSet());

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(FeatureDataView view, HashSet<int> active) : DataViewRowCursor
    {
        private readonly long _count = view.GetRowCount() ?? 0;
        private long _position = -1;

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => view.Schema;

        private int Row => view._rows is null ? (int)_position : view._rows[_position];

        public override bool MoveNext()
        {
            if (_position + 1 >= _count)
            {
                _position = _count;
                return false;
            }

            _position++;
            return true;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) => value = new DataViewRowId((ulong)Row, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            Delegate getter = column.Name switch
            {
                FeaturesColumn => (ValueGetter<VBuffer<float>>)GetFeatures,
                TextColumn => (ValueGetter<ReadOnlyMemory<char>>)GetText,
                LabelColumn => view._labelKind switch
                {
                    LabelKind.Boolean => (ValueGetter<bool>)((ref bool v) => v = view._labels![Row] > 0.5f),
                    LabelKind.Real => (ValueGetter<float>)((ref float v) => v = view._labels![Row]),
                    LabelKind.Key => (ValueGetter<uint>)((ref uint v) => v = (uint)view._labels![Row] + 1),
                    LabelKind.None => throw new InvalidOperationException("This view has no label."),
                },
                _ => throw new ArgumentOutOfRangeException(nameof(column), column.Name, "Unknown column."),
            };
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column {column.Name} is not of type {typeof(TValue).Name}.");
        }

        private void GetFeatures(ref VBuffer<float> value)
        {
            var d = view._matrix.FeatureCount;
            var editor = VBufferEditor.Create(ref value, d);
            view._matrix.CopyRow(Row, editor.Values);
            value = editor.Commit();
        }

        private void GetText(ref ReadOnlyMemory<char> value) => value = (view._matrix.Text?[Row] ?? string.Empty).AsMemory();
    }
}
