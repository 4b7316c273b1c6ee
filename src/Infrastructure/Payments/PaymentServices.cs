using AutoMl.Domain.Payments;
using AutoMl.Infrastructure.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Infrastructure.Payments;

public static class PaymentServices
{
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StripeOptions>(configuration.GetSection(StripeOptions.Section));
        services.Configure<BillingCatalog>(configuration.GetSection(BillingCatalog.Section));
        services.PostConfigure<BillingCatalog>(c =>
        {
            if (c.Packs.Count == 0)
            {
                c.Packs.AddRange(BillingCatalog.DefaultPacks());
            }
        });
        // Every Stripe POST carries an Idempotency-Key, so retrying a POST is safe here.
        services.AddHttpClient(StripeGateway.HttpClientName).AddOutsideCallResilience(retryUnsafeMethods: true);
        services.AddScoped<StripeGateway>();
        services.AddScoped<StripeCustomers>();
        services.AddScoped<StartCheckout>();
        services.AddScoped<StripeWebhookVerifier>();
        services.AddScoped<StripeWebhookProcessor>();
        services.AddSingleton<WebhookFailures>();
        return services;
    }
}
