using AutoMl.Infrastructure;

namespace AutoMl.Api.Security;

/// <summary>
/// The key ring that signs session cookies and anti-forgery tokens: in Postgres, so every instance behind the load
/// balancer reads every other's cookies, and encrypted there with a certificate from the environment, so reading
/// the database is not enough to forge a session (see <see cref="DataProtectionKeyRing"/>, which workers share).
/// </summary>
internal static class DataProtectionSetup
{
    public static IServiceCollection AddAutoMlDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        // Before AddDataProtection's own start-up service loads (and caches) the key ring, so the ring it loads
        // already leaves the revoked keys out.
        if (!string.IsNullOrWhiteSpace(DataProtectionKeyRing.Options(configuration).Certificate))
        {
            services.AddHostedService<UnencryptedKeysRevocation>();
        }
        else
        {
            services.AddHostedService<UnencryptedKeysWarning>();
        }
        services.AddAutoMlKeyRing(configuration);
        return services;
    }
}
