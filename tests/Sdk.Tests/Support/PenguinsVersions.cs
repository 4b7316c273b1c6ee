using System.Globalization;

namespace AutoMl.Sdk.Tests.Support;

/// <summary>A second version of penguins.csv: a "ring" column added and "island" retyped from categories to numbers.</summary>
public static class PenguinsVersions
{
    public static string Second()
    {
        var islands = new Dictionary<string, string>(StringComparer.Ordinal) { ["\"Torgersen\""] = "1", ["\"Biscoe\""] = "2", ["\"Dream\""] = "3" };
        var lines = File.ReadAllLines(Data.File("penguins.csv"));
        return string.Join('\n', lines.Select((line, i) =>
        {
            if (i == 0)
            {
                return line + ",\"ring\"";
            }
            var cells = line.Split(',');
            cells[1] = islands[cells[1]];
            return string.Join(',', cells) + "," + (i % 4).ToString(CultureInfo.InvariantCulture);
        })) + "\n";
    }

    /// <summary>Writes <see cref="Second"/> to a file in <paramref name="folder"/> and returns its path.</summary>
    public static string WriteSecond(string folder)
    {
        var path = Path.Combine(folder, "penguins-v2.csv");
        File.WriteAllText(path, Second());
        return path;
    }
}
