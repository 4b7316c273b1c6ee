namespace AutoMl.Ml.Bundle;

/// <summary>A model bundle written by an engine of another major version.</summary>
public sealed class BundleVersionException : Exception
{
    public BundleVersionException()
    {
    }

    public BundleVersionException(string message)
        : base(message)
    {
    }

    public BundleVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
