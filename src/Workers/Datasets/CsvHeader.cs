namespace AutoMl.Workers.Datasets;

/// <summary>
/// Counts the fields of a delimited file's header without decoding it: the delimiters and quotes are ASCII,
/// so the count is right for UTF-8 and Latin-1 alike. The engine does the real reading; this only sizes the table
/// (0 for JSON lines).
/// </summary>
internal static class CsvHeader
{
    private const int MaxHeaderBytes = 4 << 20;
    private static readonly byte[] Delimiters = [(byte)',', (byte)';', (byte)'\t', (byte)'|'];

    public static int FieldCount(string path)
    {
        var counts = new int[Delimiters.Length];
        var inQuotes = false;
        using var file = new BufferedStream(File.OpenRead(path), 1 << 16);
        for (var read = 0; read < MaxHeaderBytes; read++)
        {
            var b = file.ReadByte();
            if (b < 0 || (!inQuotes && b is '\n' or '\r'))
            {
                break;
            }
            if (read == 0 && b == '{')
            {
                // JSON lines: its width is the engine's to find.
                return 0;
            }
            if (b == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && Array.IndexOf(Delimiters, (byte)b) is var i and >= 0)
            {
                counts[i]++;
            }
        }
        // The delimiter is the one the header uses most, as the engine guesses it.
        return counts.Max() + 1;
    }
}
