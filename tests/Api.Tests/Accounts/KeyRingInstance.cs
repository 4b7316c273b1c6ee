using AutoMl.Api.Tests.Support;
using AutoMl.Testing;
using Microsoft.AspNetCore.Hosting;

namespace AutoMl.Api.Tests.Accounts;

/// <summary>
/// One API instance on a database shared with other instances (as behind a load balancer), with or without a
/// certificate that encrypts the Data Protection keys. The test that creates the instances drops the database.
/// </summary>
public sealed class KeyRingInstance(string database, string? certificate, string? password) : ApiFactory
{
    protected override void ConfigurePlatform(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Postgres", TestStack.Postgres(database));
        builder.UseSetting("AutoMl:RedisPrefix", $"test:{database}:");
        if (certificate is not null)
        {
            builder.UseSetting("AutoMl:DataProtection:Certificate", certificate);
            builder.UseSetting("AutoMl:DataProtection:CertificatePassword", password);
        }
    }
}
