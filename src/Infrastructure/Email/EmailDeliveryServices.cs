using AutoMl.Infrastructure.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AutoMl.Infrastructure.Email;

public static class EmailDeliveryServices
{
    public static IServiceCollection AddEmailDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailDeliveryOptions>(configuration.GetSection(EmailDeliveryOptions.Section));
        // A send is not idempotent at SendGrid; the outbox retries it later rather than the HTTP pipeline at once.
        services.AddHttpClient(SendGridEmailSender.HttpClientName).AddOutsideCallResilience(retryUnsafeMethods: false);
        services.AddScoped<EmailTemplates>();
        services.AddScoped<SendGridEmailSender>();
        services.AddScoped<LogEmailSender>();
        services.AddScoped<IEmailSender>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EmailDeliveryOptions>>().Value.ApiKey)
            ? sp.GetRequiredService<LogEmailSender>()
            : sp.GetRequiredService<SendGridEmailSender>());
        services.AddScoped<OutboxSender>();
        return services;
    }
}
