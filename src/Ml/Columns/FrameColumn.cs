using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Columns;

/// <summary>
/// One column held as a flat array: numbers as float32 (NaN = missing), categories as int codes into
/// <see cref="Levels"/> (-1 = missing), dates as seconds since 1970 (NaN = missing), text as strings.
/// </summary>
public sealed class FrameColumn
{
    private FrameColumn(string name, ColumnKind kind)
    {
        Name = name;
        Kind = kind;
    }

    public string Name { get; }

    public ColumnKind Kind { get; }

    public float[]? Numbers { get; private init; }

    public int[]? Codes { get; private init; }

    public IReadOnlyList<string> Levels { get; private init; } = [];

    public double[]? Seconds { get; private init; }

    public string?[]? Texts { get; private init; }

    public int Length => Numbers?.Length ?? Codes?.Length ?? Seconds?.Length ?? Texts?.Length ?? 0;

    public static FrameColumn OfNumbers(string name, float[] values) => new(name, ColumnKind.Numeric) { Numbers = values };

    public static FrameColumn OfCodes(string name, ColumnKind kind, int[] codes, IReadOnlyList<string> levels) =>
        new(name, kind) { Codes = codes, Levels = levels };

    public static FrameColumn OfSeconds(string name, double[] seconds) => new(name, ColumnKind.Datetime) { Seconds = seconds };

    public static FrameColumn OfTexts(string name, string?[] texts) => new(name, ColumnKind.Text) { Texts = texts };

    /// <summary>The cell as a plain value (number, label, DateTime or text), null when missing.</summary>
    public object? ValueAt(int row) => Kind switch
    {
        ColumnKind.Numeric => float.IsNaN(Numbers![row]) ? null : Numbers[row],
        ColumnKind.Datetime => double.IsNaN(Seconds![row]) ? null : DateTime.UnixEpoch.AddSeconds(Seconds[row]),
        ColumnKind.Text => Texts![row],
        ColumnKind.Boolean or ColumnKind.Categorical or ColumnKind.Identifier => Codes![row] < 0 ? null : Levels[Codes[row]],
    };
}
