using System.Globalization;

namespace AutoMl.Sdk.Tests.Support;

/// <summary>Rows of the data the pima model trained on, as a client sends them: so a monitoring window looks like training.</summary>
public static class PimaRows
{
    /// <summary>The first <paramref name="count"/> rows' features (every column but the target), numbers or null.</summary>
    public static List<Dictionary<string, object?>> Features(int count)
    {
        var lines = Lines(count);
        var header = lines[0].Select(h => h.Trim('"')).ToArray();
        return lines.Skip(1).Select(cells => header.Index().Where(h => h.Item != "diabetes")
            .ToDictionary(h => h.Item, h => cells[h.Index].Length == 0 ? null : (object?)double.Parse(cells[h.Index], CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>The same rows as a CSV file's lines (with its header), without the columns named.</summary>
    public static IEnumerable<string> Csv(int count, params string[] without)
    {
        var lines = Lines(count);
        var keep = lines[0].Index().Where(h => !without.Append("diabetes").Contains(h.Item.Trim('"'))).Select(h => h.Index).ToList();
        return lines.Select(cells => string.Join(',', keep.Select(i => cells[i])));
    }

    /// <summary>The header and the first rows, split into cells (the file quotes no commas).</summary>
    private static List<string[]> Lines(int count) =>
        File.ReadLines(Data.File("pima_diabetes.csv")).Take(count + 1).Select(l => l.Split(',')).ToList();
}
