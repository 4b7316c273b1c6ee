using System.Net;

namespace AutoMl.Sdk;

/// <summary>The API answered 402: the account has too few credits for the job or the predictions.</summary>
public class InsufficientCreditsException : AutoMlApiException
{
    /// <summary>Creates the exception for a 402 answer.</summary>
    /// <param name="title">The problem's title.</param>
    /// <param name="detail">The problem's detail.</param>
    public InsufficientCreditsException(string title, string? detail)
        : base(HttpStatusCode.PaymentRequired, title, detail)
    {
    }

    /// <summary>Creates the exception with a default title.</summary>
    public InsufficientCreditsException()
        : this("Not enough credits", null)
    {
    }

    /// <summary>Creates the exception with a message as its title.</summary>
    /// <param name="message">The message.</param>
    public InsufficientCreditsException(string message)
        : this(message, (string?)null)
    {
    }
}
