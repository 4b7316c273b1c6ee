using System.Security.Cryptography.X509Certificates;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Infrastructure;

/// <summary>
/// The one Data Protection key ring of the platform, in Postgres and encrypted there with a certificate from the
/// environment. The API signs sessions with it; workers sign the links they mail (a data export's download link), so
/// both hosts must read the same ring under the same application name.
/// </summary>
public static class DataProtectionKeyRing
{
    public const string ApplicationName = "AutoMl";

    public static DataProtectionKeyOptions Options(IConfiguration configuration) =>
        configuration.GetSection($"{PlatformOptions.Section}:{nameof(PlatformOptions.DataProtection)}").Get<DataProtectionKeyOptions>()
            ?? new DataProtectionKeyOptions();

    public static IDataProtectionBuilder AddAutoMlKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Options(configuration);
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<AutoMlDbContext>();
        if (!string.IsNullOrWhiteSpace(options.Certificate))
        {
            builder.ProtectKeysWithCertificate(LoadCertificate(options.Certificate, options.CertificatePassword));
        }
        return builder;
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
