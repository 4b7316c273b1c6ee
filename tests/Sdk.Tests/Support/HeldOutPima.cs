namespace AutoMl.Sdk.Tests.Support;

/// <summary>The pima file split in two: the first rows to train on, the last ones (without the target) held out.</summary>
public sealed class HeldOutPima
{
    public HeldOutPima(string folder, int heldOut)
    {
        var lines = File.ReadAllLines(Data.File("pima_diabetes.csv"));
        var split = lines.Length - heldOut;
        TrainingFile = Path.Combine(folder, "pima_train.csv");
        File.WriteAllLines(TrainingFile, lines.Take(split));
        var target = Array.IndexOf(lines[0].Split(','), "\"diabetes\"");
        HeldOutFile = Path.Combine(folder, "pima_held_out.csv");
        File.WriteAllLines(HeldOutFile, lines.Take(1).Concat(lines.Skip(split)).Select(l => string.Join(',', l.Split(',').Where((_, i) => i != target))));
        Rows = File.ReadAllLines(HeldOutFile).Skip(1).Select(l => Row(lines[0], l)).ToList();
    }

    public string TrainingFile { get; }

    public string HeldOutFile { get; }

    /// <summary>The held-out rows as the API takes them: numbers, null where the file has nothing.</summary>
    public List<Dictionary<string, object?>> Rows { get; }

    private static Dictionary<string, object?> Row(string header, string line)
    {
        var names = header.Split(',').Select(h => h.Trim('"')).Where(h => h != "diabetes").ToArray();
        var cells = line.Split(',');
        return names.Index().ToDictionary(n => n.Item, n => cells[n.Index].Length == 0 ? null : (object?)double.Parse(cells[n.Index], System.Globalization.CultureInfo.InvariantCulture));
    }
}
