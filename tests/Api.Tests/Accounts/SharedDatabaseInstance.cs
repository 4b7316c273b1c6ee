using AutoMl.Api.Tests.Support;
using AutoMl.Testing;
using Microsoft.AspNetCore.Hosting;

namespace AutoMl.Api.Tests.Accounts;

/// <summary>
/// One API instance of several on one database and one Redis prefix (as behind nginx), remembering API keys for an
/// hour: whatever refuses a remembered key must be the announcement, not the memory running out. The test that creates
/// the instances drops the database.
/// </summary>
public sealed class SharedDatabaseInstance(string database) : ApiFactory
{
    protected override void ConfigurePlatform(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Postgres", TestStack.Postgres(database));
        builder.UseSetting("AutoMl:RedisPrefix", $"test:{database}:");
        builder.UseSetting("AutoMl:Sessions:ApiKeyCacheSeconds", "3600");
    }
}
