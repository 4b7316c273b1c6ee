using System.Security.Claims;
using System.Text.Encodings.Web;
using AutoMl.Domain.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Accounts;

/// <summary>Accepts "Authorization: Bearer aml_…" and, on the SignalR hub only, the access_token query value that WebSocket clients must use.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyPrincipals known,
    ApiKeyReads reads,
    ApiKeyUsage usage,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyIdClaim = "automl:api_key_id";
    public const string ScopeClaim = "automl:api_key_scope";
    private const string SuspendedItem = "automl:api_key_account_suspended";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static bool CarriesKey(HttpRequest request) => ReadKey(request) is not null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ReadKey(Request) is not { } key)
        {
            return AuthenticateResult.NoResult();
        }
        var hash = ApiKeyFormat.Hash(key);
        var now = clock.GetUtcNow();
        if (known.Find(hash) is { } remembered)
        {
            if (remembered.LastUsedAt is null || now - remembered.LastUsedAt > LastUsedResolution)
            {
                usage.Record(remembered.Id, now);
                known.Used(hash, remembered, now);
            }
            return Success(remembered.Id, remembered.UserId, remembered.Scope, admin: false);
        }
        // Read with the other keys that missed meanwhile: most requests made with a key are answered from memory.
        var found = await reads.FindAsync(hash, Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("The API key is not valid or has been revoked.");
        }
        if (found.Suspended)
        {
            Context.Items[SuspendedItem] = true;
            return AuthenticateResult.Fail("The account of this API key is suspended.");
        }
        if (found.LastUsedAt is null || now - found.LastUsedAt > LastUsedResolution)
        {
            usage.Record(found.Id, now);
            if (known.Find(hash) is { } read)
            {
                known.Used(hash, read, now);
            }
        }
        return Success(found.Id, found.UserId, found.Scope, found.Admin);
    }

    private static AuthenticateResult Success(Guid id, Guid user, ApiKeyScope scope, bool admin)
    {
        List<Claim> claims =
        [
            new Claim(ClaimTypes.NameIdentifier, user.ToString()),
            new Claim(KeyIdClaim, id.ToString()),
            new Claim(ScopeClaim, scope.Name()),
        ];
        if (admin)
        {
            claims.Add(new Claim(ClaimTypes.Role, Admin.AdminRole.Name));
        }
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (Context.Items.ContainsKey(SuspendedItem))
        {
            await AccountSuspended.WriteAsync(Context);
            return;
        }
        await AuthProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            result.Failure?.Message ?? "Sign in, or send an API key as 'Authorization: Bearer aml_…'.");
    }

    private static string? ReadKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header["Bearer ".Length..].Trim();
            return ApiKeyFormat.LooksLikeKey(token) ? token : null;
        }
        if (request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } query
            && ApiKeyFormat.LooksLikeKey(query))
        {
            return query;
        }
        return null;
    }
}
