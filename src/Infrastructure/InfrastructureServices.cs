using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Events;
using AutoMl.Infrastructure.Payments;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Redis;
using AutoMl.Infrastructure.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        // Pooled: the options are built once and a request's context is a reset one from the pool. Built per request
        // (AddDbContext's scoped options), the options and the context's services were a tenth of a cold instance's
        // CPU under a surge of 6,000 users (issue 31, bench/Load/README.md). The context keeps no state of its own.
        services.AddDbContextPool<AutoMlDbContext>(o => PostgresSetup.Configure(o, postgres));
        services.AddAutoMlRedis(redis);
        services.AddSingleton(TimeProvider.System);
        services.AddAutoMlBlobs(configuration);
        services.AddAutoMlEvents(redis, configuration[$"{PlatformOptions.Section}:RedisPrefix"] ?? new PlatformOptions().RedisPrefix);
        services.AddScoped<EmailOutbox>();
        services.AddScoped<Datasets.DatasetRemoval>();
        services.AddScoped<Credits.CreditLedger>();
        services.AddScoped<Jobs.JobSettlement>();
        services.AddScoped<Jobs.JobEnqueuer>();
        services.AddScoped<Jobs.JobAdmitter>();
        services.AddScoped<Audit.AuditTrail>();
        services.Configure<Audit.AuditOptions>(configuration.GetSection(Audit.AuditOptions.Section));
        services.AddScoped<Audit.AuditArchiver>();
        services.AddScoped<Workflows.WorkflowRunStarter>();
        services.AddScoped<Workflows.WorkflowDecisions>();
        services.AddScoped<Workflows.WorkflowTriggers>();
        services.AddScoped<Workflows.WorkflowSchedules>();
        services.AddSingleton<Models.ModelAnnouncements>();
        services.AddSingleton<Models.HotModels>();
        services.AddSingleton<Exports.ExportLinks>();
        services.AddSingleton<Accounts.AccountAnnouncements>();
        services.AddPayments(configuration);
        services.AddRewards(configuration);
        services.AddEmailDelivery(configuration);
        return services;
    }
}
