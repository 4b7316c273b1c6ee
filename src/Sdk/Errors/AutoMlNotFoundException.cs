using System.Net;

namespace AutoMl.Sdk;

/// <summary>The API answered 404: the thing asked for does not exist in your account (or was deleted).</summary>
public class AutoMlNotFoundException : AutoMlApiException
{
    /// <summary>Creates the exception for a 404 answer.</summary>
    /// <param name="title">The problem's title.</param>
    /// <param name="detail">The problem's detail.</param>
    public AutoMlNotFoundException(string title, string? detail)
        : base(HttpStatusCode.NotFound, title, detail)
    {
    }

    /// <summary>Creates the exception with a default title.</summary>
    public AutoMlNotFoundException()
        : this("Not found", detail: null)
    {
    }

    /// <summary>Creates the exception with a message as its title.</summary>
    /// <param name="message">The message.</param>
    public AutoMlNotFoundException(string message)
        : this(message, detail: null)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AutoMlNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
