using AutoMl.Api.RateLimiting;
using AutoMl.Api.Registry;
using AutoMl.Infrastructure.Audit;
using AutoMl.Infrastructure.Persistence;

namespace AutoMl.Api.Accounts;

/// <summary>The audit trail as a request writes to it: who is signed in, from which address and client (ADR 12).</summary>
internal sealed class AuditLog(AuditTrail trail, AutoMlDbContext db, CurrentUser current, IHttpContextAccessor accessor)
{
    /// <param name="actor">Who did it, when the request is not signed in as them (a sign-in, a mailed link).</param>
    public async Task RecordAsync(string action, Guid? userId, CancellationToken ct, string outcome = AuditOutcomes.Success,
        string? targetType = null, string? targetId = null, string? detail = null, string? actor = null)
    {
        var http = accessor.HttpContext;
        actor ??= await DescribeCurrentAsync(ct);
        var client = http?.Request.Headers.UserAgent.ToString();
        await trail.RecordAsync(new AuditEntry(action, actor, userId, outcome, targetType, targetId, detail,
            http is null ? null : ClientAddress.Of(http), string.IsNullOrEmpty(client) ? null : client), ct);
    }

    /// <summary>The signed-in account's email and how it signed in (a session or which API key); "anonymous" otherwise.</summary>
    public async Task<string> DescribeCurrentAsync(CancellationToken ct)
    {
        var http = accessor.HttpContext;
        return http is not null && current.SignedIn is { } id ? await Actors.DescribeAsync(http, db, id, ct) : "anonymous";
    }
}
