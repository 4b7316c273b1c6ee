using System.Security.Claims;
using AutoMl.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Accounts;

/// <summary>The security stamp check, which also turns away a suspended account's session whatever its stamp.</summary>
internal sealed class SuspensionAwareStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    protected override async Task<AppUser?> VerifySecurityStamp(ClaimsPrincipal? principal) =>
        await base.VerifySecurityStamp(principal) is { SuspendedAt: null } user ? user : null;
}
