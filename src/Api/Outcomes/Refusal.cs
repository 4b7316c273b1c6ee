using AutoMl.Api.Errors;

namespace AutoMl.Api.Outcomes;

/// <summary>
/// Why a use case said no, as the problem details answer tells it: status, title and a sentence a person can act on.
/// A refusal about one field names it, so a form can show the sentence there; a data problem adds its
/// <paramref name="Code"/> for programs, and <paramref name="Overridable"/> when sending the request again with force passes it.
/// </summary>
internal sealed record Refusal(int Status, string Title, string Detail, string? Field = null, string? Code = null, bool Overridable = false)
{
    public static Refusal NotFound(string detail) => new(StatusCodes.Status404NotFound, ProblemResults.NotFoundTitle, detail);
    public static Refusal Conflict(string detail) => new(StatusCodes.Status409Conflict, ProblemResults.ConflictTitle, detail);
    public static Refusal BadRequest(string detail) => new(StatusCodes.Status400BadRequest, ProblemResults.BadRequestTitle, detail);
}
