using System.Text;

namespace AutoMl.Ml.Data;

/// <summary>Looks at the first bytes of a file: format, encoding, and whether it is a table at all.</summary>
internal static class FormatDetector
{
    private const int SampleBytes = 1 << 16;

    public static SourceFormat Detect(string path, byte[] head)
    {
        if (head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'A' && head[2] == (byte)'R' && head[3] == (byte)'1')
        {
            return SourceFormat.Parquet;
        }

        var extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is ".JSONL" or ".NDJSON" or ".JSON")
        {
            return SourceFormat.JsonLines;
        }

        var firstNonSpace = head.SkipWhile(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF).FirstOrDefault();
        return firstNonSpace == (byte)'{' ? SourceFormat.JsonLines : SourceFormat.Csv;
    }

    public static byte[] ReadHead(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[(int)Math.Min(SampleBytes, stream.Length)];
        stream.ReadExactly(buffer);
        return buffer;
    }

    public static bool LooksBinary(byte[] head) => head.AsSpan().IndexOf((byte)0) >= 0;

    /// <summary>True when the sample is not valid UTF-8 (a cut at the end of the sample is allowed).</summary>
    public static bool NeedsLatin1(byte[] head)
    {
        var decoder = new UTF8Encoding(false, true);
        var length = head.Length;
        // Trim a UTF-8 sequence cut by the sample's end so it is not taken for Latin-1.
        for (var back = 1; back <= 3 && back <= length; back++)
        {
            var b = head[length - back];
            if ((b & 0xC0) == 0xC0)
            {
                length -= back;
                break;
            }

            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        try
        {
            decoder.GetCharCount(head, 0, length);
            return false;
        }
        catch (DecoderFallbackException)
        {
            return true;
        }
    }

    /// <summary>The delimiter the header line uses most, outside quotes.</summary>
    public static char GuessDelimiter(string headerLine)
    {
        char[] candidates = [',', ';', '\t', '|'];
        var counts = new int[candidates.Length];
        var inQuotes = false;
        foreach (var c in headerLine)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
                continue;
            }

            if (inQuotes)
            {
                continue;
            }

            var index = Array.IndexOf(candidates, c);
            if (index >= 0)
            {
                counts[index]++;
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return counts[best] == 0 ? ',' : candidates[best];
    }

    public static string FirstLine(byte[] head, Encoding encoding)
    {
        var text = encoding.GetString(head);
        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).TrimStart('\uFEFF');
    }
}
