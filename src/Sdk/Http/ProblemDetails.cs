using System.Net;
using System.Text.Json;

namespace AutoMl.Sdk.Http;

/// <summary>Reads an RFC 9457 answer (or whatever a proxy sent instead) into the matching exception.</summary>
internal static class ProblemDetails
{
    public static async Task<AutoMlApiException> ToExceptionAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        string title = response.ReasonPhrase ?? response.StatusCode.ToString();
        string? detail = null;
        string? type = null;
        string? requiredScope = null;
        string? code = null;
        var overridable = false;
        var errors = new Dictionary<string, string[]>();
        if (TryParse(body, out var problem))
        {
            title = Text(problem, "title") ?? title;
            detail = Text(problem, "detail");
            type = Text(problem, "type");
            requiredScope = Text(problem, "requiredScope");
            code = Text(problem, "code");
            overridable = problem.TryGetProperty("overridable", out var o) && o.ValueKind == JsonValueKind.True;
            if (problem.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in fields.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? field.Value.EnumerateArray().Select(e => e.ToString()).ToArray()
                        : [field.Value.ToString()];
                }
            }
        }
        else if (!string.IsNullOrWhiteSpace(body))
        {
            detail = body.Length > 500 ? body[..500] : body;
        }
        return response.StatusCode switch
        {
            HttpStatusCode.PaymentRequired => new InsufficientCreditsException(title, detail) { ProblemType = type, Errors = errors, Code = code, Overridable = overridable },
            HttpStatusCode.TooManyRequests => new RateLimitedException(title, detail, RetryAfter(response)) { ProblemType = type, Errors = errors, Code = code, Overridable = overridable },
            HttpStatusCode.NotFound => new AutoMlNotFoundException(title, detail) { ProblemType = type, Errors = errors, Code = code },
            HttpStatusCode.UnprocessableEntity => Invalid(response.StatusCode, title, detail, type, errors, code, overridable),
            // A 400 that names no field is a malformed request rather than content to correct, so it stays the base type.
            HttpStatusCode.BadRequest when errors.Count > 0 => Invalid(response.StatusCode, title, detail, type, errors, code, overridable),
            _ => new AutoMlApiException(response.StatusCode, title, detail) { ProblemType = type, Errors = errors, RequiredScope = requiredScope, Code = code, Overridable = overridable },
        };
    }

    private static AutoMlValidationException Invalid(HttpStatusCode status, string title, string? detail, string? type, Dictionary<string, string[]> errors, string? code, bool overridable) =>
        new(status, title, detail) { ProblemType = type, Errors = errors, Code = code, Overridable = overridable };

    public static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static bool TryParse(string body, out JsonElement problem)
    {
        problem = default;
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return false;
        }
        try
        {
            using var doc = JsonDocument.Parse(body);
            problem = doc.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement problem, string name) =>
        problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
