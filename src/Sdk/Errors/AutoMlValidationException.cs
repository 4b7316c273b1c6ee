using System.Net;

namespace AutoMl.Sdk;

/// <summary>
/// The API refused the request's content: a 422 (the request is well formed but cannot be done, e.g. data a model cannot
/// train on) or a 400 that names the fields at fault. <see cref="AutoMlApiException.Errors"/> holds each field's messages.
/// </summary>
public class AutoMlValidationException : AutoMlApiException
{
    /// <summary>Creates the exception for a 422 or field-naming 400 answer.</summary>
    /// <param name="statusCode">422 or 400.</param>
    /// <param name="title">The problem's title.</param>
    /// <param name="detail">The problem's detail.</param>
    public AutoMlValidationException(HttpStatusCode statusCode, string title, string? detail)
        : base(statusCode, title, detail)
    {
    }

    /// <summary>Creates the exception with a default title.</summary>
    public AutoMlValidationException()
        : this(HttpStatusCode.UnprocessableEntity, "The request is not valid", null)
    {
    }

    /// <summary>Creates the exception with a message as its title.</summary>
    /// <param name="message">The message.</param>
    public AutoMlValidationException(string message)
        : this(HttpStatusCode.UnprocessableEntity, message, null)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AutoMlValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The fields at fault, each with its messages: the same as <see cref="AutoMlApiException.Errors"/>.</summary>
    public IReadOnlyDictionary<string, string[]> FieldErrors => Errors;
}
