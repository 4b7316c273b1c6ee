using System.Security.Cryptography.X509Certificates;
using AutoMl.Infrastructure;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace AutoMl.Api.Security;

/// <summary>
/// The key ring that signs session cookies and anti-forgery tokens: in Postgres, so every instance behind the load
/// balancer reads every other's cookies, and encrypted there with a certificate from the environment, so reading
/// the database is not enough to forge a session.
/// </summary>
internal static class DataProtectionSetup
{
    public const string ApplicationName = "AutoMl";

    public static IServiceCollection AddAutoMlDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection($"{PlatformOptions.Section}:{nameof(PlatformOptions.DataProtection)}").Get<DataProtectionKeyOptions>()
            ?? new DataProtectionKeyOptions();
        var encrypted = !string.IsNullOrWhiteSpace(options.Certificate);
        // Before AddDataProtection's own start-up service loads (and caches) the key ring, so the ring it loads
        // already leaves the revoked keys out.
        if (encrypted)
        {
            services.AddHostedService<UnencryptedKeysRevocation>();
        }
        else
        {
            services.AddHostedService<UnencryptedKeysWarning>();
        }
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<AutoMlDbContext>();
        if (encrypted)
        {
            builder.ProtectKeysWithCertificate(LoadCertificate(options.Certificate!, options.CertificatePassword));
        }
        return services;
    }

    /// <summary>A PKCS#12 file, or a PEM file holding the certificate and its (possibly encrypted) key.</summary>
    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"AutoMl:DataProtection:Certificate names {path}, which does not exist.");
        }
        var pem = File.ReadAllText(path).Contains("-----BEGIN", StringComparison.Ordinal);
        var certificate = !pem
            ? X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet)
            : string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password);
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            throw new InvalidOperationException($"AutoMl:DataProtection:Certificate ({path}) must hold an RSA certificate with its private key.");
        }
        return certificate;
    }
}
