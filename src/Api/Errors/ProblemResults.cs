using Microsoft.AspNetCore.Http.HttpResults;

namespace AutoMl.Api.Errors;

/// <summary>RFC 9457 answers whose detail is a sentence a person can act on.</summary>
internal static class ProblemResults
{
    public const string NotFoundTitle = "Not found";
    public const string ConflictTitle = "Conflict";
    public const string BadRequestTitle = "Bad request";

    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, NotFoundTitle, detail);
    public static ProblemHttpResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, ConflictTitle, detail);
    public static ProblemHttpResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    public static ProblemHttpResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, BadRequestTitle, detail);

    public static ProblemHttpResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    public static ValidationProblem Validation(string field, params string[] messages) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = messages },
            detail: string.Join(" ", messages), title: "The request is not valid");
}
