using System.Net;

namespace AutoMl.Sdk;

/// <summary>The API answered with an error: an RFC 9457 problem details document, surfaced as its fields.</summary>
public class AutoMlApiException : Exception
{
    /// <summary>Creates an exception for an error answer.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="title">The problem's short title.</param>
    /// <param name="detail">A sentence a person can act on, or null.</param>
    public AutoMlApiException(HttpStatusCode statusCode, string title, string? detail)
        : base(detail is null ? $"{(int)statusCode} {title}" : $"{(int)statusCode} {title}: {detail}")
    {
        StatusCode = statusCode;
        Title = title;
        Detail = detail;
    }

    /// <summary>Creates an exception without an answer; prefer the constructor with a status code.</summary>
    public AutoMlApiException()
        : this(0, "Error", null)
    {
    }

    /// <summary>Creates an exception without an answer; prefer the constructor with a status code.</summary>
    /// <param name="message">The message.</param>
    public AutoMlApiException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception without an answer; prefer the constructor with a status code.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AutoMlApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Title = message;
    }

    /// <summary>The HTTP status code of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The problem's short title, e.g. "Not enough credits".</summary>
    public string Title { get; }

    /// <summary>The problem's explanation: a sentence a person can act on. Null when the answer had none.</summary>
    public string? Detail { get; }

    /// <summary>The problem type URI, when the answer had one.</summary>
    public string? ProblemType { get; init; }

    /// <summary>
    /// On a 403 for the key's scope: the scope that would have done (<see cref="ApiKeyScopes"/>), or
    /// <see cref="ApiKeyScopes.Session"/> when no key may do it. Null otherwise.
    /// </summary>
    public string? RequiredScope { get; init; }

    /// <summary>
    /// What kind of problem this is, for programs to tell answers apart without reading the sentence: on a 422 about
    /// the data of a training job, e.g. "target-single-value" or "target-looks-like-identifier". Null when the answer had none.
    /// </summary>
    public string? Code { get; init; }

    /// <summary>
    /// The problem is a warning about the data that the request may override: send it again with
    /// <see cref="JobRequest.Force"/> set to train anyway.
    /// </summary>
    public bool Overridable { get; init; }

    /// <summary>Per-field validation messages of a 400 answer; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
}
