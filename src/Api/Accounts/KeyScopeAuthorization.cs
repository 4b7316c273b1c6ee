using System.Security.Claims;
using AutoMl.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.SignalR;

namespace AutoMl.Api.Accounts;

/// <summary>Part of the default policy: an API key principal passes only when its scope covers the endpoint's <see cref="KeyScopeMetadata"/>.</summary>
internal sealed class KeyScopeRequirement : IAuthorizationRequirement
{
    public static readonly KeyScopeRequirement Instance = new();
}

/// <summary>Why a key was refused, kept for the 403 answer: which scope would have done.</summary>
internal sealed class KeyScopeFailure(IAuthorizationHandler handler, string message, string requiredScope)
    : AuthorizationFailureReason(handler, message)
{
    /// <summary>"read", "train", "full", or "session" when no key may do it.</summary>
    public string RequiredScope { get; } = requiredScope;
}

internal sealed class KeyScopeHandler : AuthorizationHandler<KeyScopeRequirement>
{
    public const string SessionOnly = "session";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, KeyScopeRequirement requirement)
    {
        if (context.User.FindFirstValue(ApiKeyAuthenticationHandler.ScopeClaim) is not { } claim)
        {
            // Cookie sessions are the account owner at the dashboard: scopes limit keys only.
            if (context.User.Identity?.AuthenticationType != ApiKeyAuthenticationHandler.SchemeName)
            {
                context.Succeed(requirement);
            }
            return Task.CompletedTask;
        }
        var held = ApiKeyScopes.Parse(claim);
        var http = context.Resource switch
        {
            HttpContext h => h,
            HubInvocationContext hub => hub.Context.GetHttpContext(),
            _ => null,
        };
        var required = http?.GetEndpoint()?.Metadata.GetMetadata<KeyScopeMetadata>()?.For(http.Request.Method);
        if (required is { } scope && held.Covers(scope))
        {
            context.Succeed(requirement);
        }
        else if (required is { } needed)
        {
            context.Fail(new KeyScopeFailure(this,
                $"This API key has the '{held.Name()}' scope; this request needs a key with the '{needed.Name()}' scope. " +
                "Create one on the dashboard's API keys page, or sign in.", needed.Name()));
        }
        else
        {
            context.Fail(new KeyScopeFailure(this,
                $"This request needs a signed-in {SessionOnly}: API keys, whatever their scope, cannot manage API keys, the account, " +
                "billing or sign-in sessions. Do it from the dashboard.", SessionOnly));
        }
        return Task.CompletedTask;
    }
}

/// <summary>Turns a scope refusal into a 403 problem that names the missing scope; every other outcome goes the default way.</summary>
internal sealed class KeyScopeProblemWriter : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailureReasons.OfType<KeyScopeFailure>().FirstOrDefault() is { } failure)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "The API key's scope does not allow this",
                    Detail = failure.Message,
                    Extensions = { ["requiredScope"] = failure.RequiredScope },
                },
            });
            return;
        }
        await fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
