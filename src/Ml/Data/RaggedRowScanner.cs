using System.Text;

namespace AutoMl.Ml.Data;

/// <summary>
/// Finds the first record whose field count differs from the header's. DuckDB's sniffer gives up on
/// such files without naming a line, and a person needs the line to fix the file.
/// </summary>
internal static class RaggedRowScanner
{
    public static (long Line, int Fields, int Expected)? FindFirst(string path, char delimiter, Encoding encoding, long maxBytes = 256L << 20)
    {
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        var expected = -1;
        long line = 1;
        long recordStartLine = 1;
        var fields = 1;
        var inQuotes = false;
        var any = false;
        long read = 0;
        int c;
        while ((c = reader.Read()) >= 0 && read++ < maxBytes)
        {
            var ch = (char)c;
            if (ch == '"')
            {
                inQuotes = !inQuotes;
                any = true;
                continue;
            }

            if (ch == '\n' || ch == '\r')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                if (!inQuotes)
                {
                    var result = EndRecord();
                    if (result is not null)
                    {
                        return result;
                    }

                    recordStartLine = line + 1;
                }

                line++;
                continue;
            }

            if (!inQuotes && ch == delimiter)
            {
                fields++;
            }

            any = true;
        }

        return EndRecord();

        (long, int, int)? EndRecord()
        {
            if (!any)
            {
                fields = 1;
                return null;
            }

            if (expected < 0)
            {
                expected = fields;
            }
            else if (fields != expected)
            {
                return (recordStartLine, fields, expected);
            }

            fields = 1;
            any = false;
            return null;
        }
    }
}
