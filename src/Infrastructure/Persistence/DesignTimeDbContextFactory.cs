using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AutoMl.Infrastructure.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the API.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AutoMlDbContext>
{
    public AutoMlDbContext CreateDbContext(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
            ?? "Host=127.0.0.1;Port=15432;Username=postgres;Database=automl";
        var options = new DbContextOptionsBuilder<AutoMlDbContext>();
        PostgresSetup.Configure(options, connection);
        return new AutoMlDbContext(options.Options);
    }
}
