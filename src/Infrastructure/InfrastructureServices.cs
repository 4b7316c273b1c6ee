using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Events;
using AutoMl.Infrastructure.Payments;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Rewards;
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
            // The API keeps serving (and falls back where it can) while Redis restarts; with Redis gone a command fails
            // at once instead of waiting out its timeout inside a request (a job's enqueue is left to the dispatcher).
            options.AbortOnConnectFail = false;
            options.BacklogPolicy = BacklogPolicy.FailFast;
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddSingleton(TimeProvider.System);
        services.AddAutoMlBlobs(configuration);
        services.AddAutoMlEvents(redis, configuration[$"{PlatformOptions.Section}:RedisPrefix"] ?? new PlatformOptions().RedisPrefix);
        services.AddScoped<EmailOutbox>();
        services.AddScoped<Datasets.DatasetRemoval>();
        services.AddScoped<Credits.CreditLedger>();
        services.AddScoped<Jobs.JobSettlement>();
        services.AddScoped<Jobs.JobEnqueuer>();
        services.AddSingleton<Models.ModelAnnouncements>();
        services.AddPayments(configuration);
        services.AddRewards(configuration);
        services.AddEmailDelivery(configuration);
        return services;
    }
}
