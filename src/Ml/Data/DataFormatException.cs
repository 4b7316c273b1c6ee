namespace AutoMl.Ml.Data;

/// <summary>An input file that is not a table we can read; the message is meant for the person who uploaded it.</summary>
public sealed class DataFormatException : Exception
{
    public DataFormatException()
    {
    }

    public DataFormatException(string message)
        : base(message)
    {
    }

    public DataFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DataFormatException(string message, string? file, long? line, string? column, Exception? innerException = null)
        : base(message, innerException)
    {
        File = file;
        Line = line;
        Column = column;
    }

    public string? File { get; }

    /// <summary>1-based line in the file, when the reader could tell.</summary>
    public long? Line { get; }

    public string? Column { get; }
}
