using AutoMl.Api.Errors;
using AutoMl.Api.Hosting;
using AutoMl.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.RateLimiting;

/// <summary>
/// Bounds the password hashes (PBKDF2, deliberately slow) computed at once on this API instance, so a
/// flood of sign-ins from many addresses queues here instead of taking every core from every other request.
/// </summary>
internal sealed class PasswordHashGate(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PasswordHashingOptions settings = options.Value.PasswordHashing;
    private readonly ConcurrencySlots slots = new(options.Value.PasswordHashing.EffectiveMaxConcurrent);

    /// <summary>A slot to release when the hashing is done, or null when none freed up in time.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken ct) =>
        await slots.EnterAsync(TimeSpan.FromMilliseconds(Math.Max(0, settings.MaxWaitMilliseconds)), ct);

    public static ProblemHttpResult Busy(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return ProblemResults.Problem(StatusCodes.Status503ServiceUnavailable, "Busy",
            "The server is handling many sign-ins right now. Wait a second and try again.",
            new Dictionary<string, object?> { ["retryAfterSeconds"] = 1 });
    }

    public void Dispose() => slots.Dispose();
}
