using System.Security.Claims;

namespace AutoMl.Api.Accounts;

/// <summary>The signed-in user's id, whichever way they authenticated; every query is scoped by it.</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public Guid Id => SignedIn ?? throw new InvalidOperationException("CurrentUser used on an endpoint that does not require authorization.");

    /// <summary>The id when the request is signed in; null on an anonymous one (a sign-in, a mailed link).</summary>
    public Guid? SignedIn =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>Whether the session carries the admin role: what the admin policy checks, so the dashboard shows the console exactly when the API would serve it.</summary>
    public bool IsAdmin => accessor.HttpContext?.User.IsInRole(Admin.AdminRole.Name) == true;

    public bool ViaCookie =>
        accessor.HttpContext?.User.Identity?.AuthenticationType is { } type && type != ApiKeyAuthenticationHandler.SchemeName;
}
