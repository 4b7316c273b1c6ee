using Microsoft.AspNetCore.Http.Features;

namespace AutoMl.Api.Errors;

internal static class ProblemDetailsDefaults
{
    private static readonly Dictionary<int, string> Details = new()
    {
        [StatusCodes.Status401Unauthorized] = "Sign in, or send an API key as 'Authorization: Bearer aml_…'.",
        [StatusCodes.Status403Forbidden] = "Your account is not allowed to do this.",
        [StatusCodes.Status404NotFound] = "Nothing exists at this address.",
        [StatusCodes.Status405MethodNotAllowed] = "This address does not accept that HTTP method.",
        [StatusCodes.Status415UnsupportedMediaType] = "Send the request body as JSON with 'Content-Type: application/json'.",
    };

    /// <summary>The request's correlation id: its trace id, which the logs and traces carry too.</summary>
    public static string TraceId(HttpContext http) =>
        http.Features.Get<IHttpActivityFeature>()?.Activity.TraceId.ToString() ?? http.TraceIdentifier;

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Instance ??= context.HttpContext.Request.Path;
        problem.Extensions["traceId"] = TraceId(context.HttpContext);
        if (problem.Detail is null && problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation)
        {
            problem.Detail = string.Join(" ", validation.Errors.SelectMany(e => e.Value));
        }
        if (problem.Detail is null && problem.Status is { } status && Details.TryGetValue(status, out var detail))
        {
            problem.Detail = detail;
        }
    }
}
