using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AutoMl.Infrastructure;

public static class InfrastructureServices
{
    public static IServiceCollection AddAutoMlInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var postgres = configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not set: start the local stack with infra/stack.sh or set ConnectionStrings__Postgres.");
        var redis = configuration.GetConnectionString("Redis")
            ?? throw new InvalidOperationException("ConnectionStrings:Redis is not set: start the local stack with infra/stack.sh or set ConnectionStrings__Redis.");

        services.Configure<PlatformOptions>(configuration.GetSection(PlatformOptions.Section));
        services.AddDbContext<AutoMlDbContext>(o => PostgresSetup.Configure(o, postgres));
        services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(redis);
            // The API keeps serving (and falls back where it can) while Redis restarts.
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<EmailOutbox>();
        services.AddScoped<Credits.CreditLedger>();
        return services;
    }
}
