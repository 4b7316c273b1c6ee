using System.Security.Cryptography;
using AutoMl.Api.RateLimiting;
using Microsoft.AspNetCore.DataProtection;

namespace AutoMl.Api.Accounts;

/// <summary>
/// A browser that has signed in to an address before carries a device cookie bound to that address
/// (protected, so it cannot be made up or moved to another address). The sign-in throttle then counts
/// that browser on its own instead of by its IP address, and it is exempt from the per-address bucket:
/// a stranger guessing the owner's password, even from the owner's office network, cannot keep the
/// owner's own browser out.
/// </summary>
internal sealed class LoginDevices(IDataProtectionProvider protection)
{
    public const string CookieName = "automl.device";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);
    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("AutoMl.LoginDevices.v1").ToTimeLimitedDataProtector();

    /// <summary>Who the throttle counts attempts against: this device for this address, else the client's network address.</summary>
    public string ClientOf(HttpContext http, string address) =>
        DeviceOf(http, address) is { } device ? "device:" + device : "ip:" + ClientAddress.Of(http);

    /// <summary>After a successful sign-in; a device that was known keeps its id, so it keeps its own buckets.</summary>
    public void Remember(HttpContext http, string address)
    {
        var device = DeviceOf(http, address) ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(CookieName, protector.Protect($"{EmailAddressKey.Hash(address)}|{device}", Lifetime), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/api/v1/auth",
            MaxAge = Lifetime,
        });
    }

    /// <summary>The id of the device cookie the request carries, if it was issued for this address.</summary>
    public string? DeviceOf(HttpContext http, string address)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 } cookie)
        {
            return null;
        }
        try
        {
            var parts = protector.Unprotect(cookie).Split('|');
            return parts.Length == 2 && parts[0] == EmailAddressKey.Hash(address) ? parts[1] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
