namespace AutoMl.Ml.Training;

/// <summary>
/// The data cannot be trained on as asked (one class, a text target for regression, no feature left...): the user's
/// to fix, so retrying cannot help. The message is a plain sentence meant for the user; it names columns, never paths.
/// </summary>
public sealed class DataException : Exception
{
    public DataException(string message)
        : base(message)
    {
    }

    public DataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DataException()
        : base("The data cannot be trained on.")
    {
    }
}
