using System.Security.Claims;

namespace AutoMl.Api.Accounts;

/// <summary>The signed-in user's id, whichever way they authenticated; every query is scoped by it.</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public Guid Id =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("CurrentUser used on an endpoint that does not require authorization.");

    public bool ViaCookie =>
        accessor.HttpContext?.User.Identity?.AuthenticationType is { } type && type != ApiKeyAuthenticationHandler.SchemeName;
}
