using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace AutoMl.Infrastructure.Exports;

/// <summary>
/// The download link of an export: the export's id and a token from the platform's Data Protection key ring that
/// carries the same id and an expiry (a time-limited protector), so the link works from a mail app without a session
/// and stops working when the zip expires. The id travels in clear too, so an expired link can be told from a forged one.
/// </summary>
public sealed class ExportLinks(IDataProtectionProvider protection, IOptions<PlatformOptions> options)
{
    private const string Purpose = "AutoMl.Exports.Download.v1";
    public const string DownloadPath = "/api/v1/exports/download";

    private ITimeLimitedDataProtector Protector => protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public string Token(Guid exportId, DateTimeOffset expiresAt) => $"{exportId:N}.{Protector.Protect(exportId.ToString("N"), expiresAt)}";

    /// <summary>The link relative to the site, for the dashboard and API clients, which know where the API is.</summary>
    public string RelativeLink(Guid exportId, DateTimeOffset expiresAt) => $"{DownloadPath}?token={Uri.EscapeDataString(Token(exportId, expiresAt))}";

    /// <summary>The link as mailed: on the configured public URL.</summary>
    public Uri MailedLink(Guid exportId, DateTimeOffset expiresAt) => new($"{options.Value.PublicUrl.TrimEnd('/')}{RelativeLink(exportId, expiresAt)}");

    /// <summary>The export the token names, whether or not it is still valid; null when it names none.</summary>
    public static Guid? ExportOf(string? token) =>
        token is not null && token.IndexOf('.', StringComparison.Ordinal) is 32 && Guid.TryParseExact(token[..32], "N", out var id) ? id : null;

    /// <summary>Whether the token was made by this platform for <paramref name="exportId"/> and has not expired.</summary>
    public bool IsValid(string token, Guid exportId)
    {
        try
        {
            return Protector.Unprotect(token[33..]) == exportId.ToString("N");
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
