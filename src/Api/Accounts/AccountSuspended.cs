using AutoMl.Infrastructure;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Accounts;

/// <summary>The one answer a suspended account gets, to a sign-in or an API key: 403, what happened and whom to write to.</summary>
internal static class AccountSuspended
{
    /// <summary>The problem type the dashboard and the SDK recognise.</summary>
    public const string ProblemType = "urn:automl:problem:account-suspended";
    public const string Title = "Account suspended";

    public static string Detail(HttpContext http) =>
        "This account is suspended: it cannot sign in, its API keys are refused and no new work starts for it. " +
        $"Write to {http.RequestServices.GetRequiredService<IOptions<PlatformOptions>>().Value.SupportEmail} to find out why or to ask for it to be restored.";

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(HttpContext http) =>
        TypedResults.Problem(detail: Detail(http), statusCode: StatusCodes.Status403Forbidden, title: Title, type: ProblemType);

    public static Task WriteAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = Title, Detail = Detail(http), Type = ProblemType },
        }).AsTask();
    }
}
