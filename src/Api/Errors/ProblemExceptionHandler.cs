using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace AutoMl.Api.Errors;

/// <summary>Turns framework exceptions about bad requests into problem details a person can act on; everything else is a logged 500.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (413, "Request body too large", "The request body is larger than this endpoint accepts: send a smaller body, or use the presigned upload for large files."),
            BadHttpRequestException { InnerException: JsonException json } =>
                (400, "Malformed JSON", DescribeJson(json)),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested =>
                (499, "Client closed request", "The client closed the connection before the answer was ready."),
            // Never the exception's text: it can name hosts, paths, keys or SQL. The trace id finds it in the log.
            _ => (500, "Internal error",
                $"Something went wrong on our side. It has been logged under reference {TraceId(context)}; try again, and quote the reference if it keeps happening."),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}; reference {Reference}", context.Request.Method, context.Request.Path, TraceId(context));
        }
        if (context.Response.HasStarted)
        {
            return false;
        }
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>The id <see cref="ProblemDetailsDefaults"/> also puts under traceId.</summary>
    private static string TraceId(HttpContext context) => ProblemDetailsDefaults.TraceId(context);

    private static string DescribeJson(JsonException json) =>
        json.LineNumber is { } line
            ? $"The request body is not valid JSON (line {line + 1}, position {(json.BytePositionInLine ?? 0) + 1}{(string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "" : $", at {json.Path}")}). Check the syntax and the field types."
            : "The request body is not valid JSON. Check the syntax and the field types.";
}
