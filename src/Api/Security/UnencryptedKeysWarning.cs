namespace AutoMl.Api.Security;

/// <summary>
/// Says at start-up, in Production, that the Data Protection keys are stored in clear: the platform still starts
/// (a deployment without a certificate keeps working), but the operator learns that a database reader can forge sessions.
/// </summary>
internal sealed class UnencryptedKeysWarning(IHostEnvironment environment, ILogger<UnencryptedKeysWarning> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction())
        {
            log.LogWarning(
                "Data Protection keys are stored unencrypted in Postgres: anyone who can read the database can forge any session. " +
                "Set AutoMl__DataProtection__Certificate (a PFX or PEM file with its private key) and AutoMl__DataProtection__CertificatePassword.");
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
