using AutoMl.Testing;
using Microsoft.AspNetCore.Hosting;

namespace AutoMl.Api.Tests.Support;

/// <summary>
/// One API instance of several on one database, one Redis prefix and, when given, one local blob folder (as behind
/// nginx), remembering API keys and models for an hour: whatever makes it forget must be the announcement, not the memory
/// running out. The test that creates the instances drops the database. Rate limits are off: these tests are about
/// what an instance remembers. <paramref name="settings"/> adds or overrides settings of this instance alone.
/// </summary>
public sealed class SharedDatabaseInstance(string database, string? blobRoot = null, IReadOnlyDictionary<string, string>? settings = null) : ApiFactory
{
    protected override void ConfigurePlatform(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Postgres", TestStack.Postgres(database));
        builder.UseSetting("AutoMl:RedisPrefix", $"test:{database}:");
        builder.UseSetting("AutoMl:Sessions:ApiKeyCacheSeconds", "3600");
        builder.UseSetting("AutoMl:Predictions:ModelLookupSeconds", "3600");
        builder.UseSetting("AutoMl:RateLimits:Enabled", "false");
        if (blobRoot is not null)
        {
            builder.UseSetting("Blobs:Provider", "local");
            builder.UseSetting("Blobs:LocalRoot", blobRoot);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
