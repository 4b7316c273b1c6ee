using AutoMl.Sdk.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;

namespace AutoMl.Sdk;

/// <summary>Registers <see cref="AutoMlClient"/> as a typed client of IHttpClientFactory.</summary>
public static class AutoMlServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AutoMlClient"/> as a typed HTTP client with the retry policy of
    /// <see cref="AutoMlClientOptions.Retry"/>. Returns the builder so more handlers can be added.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the address and API key.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddAutoMlClient(this IServiceCollection services, Action<AutoMlClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        var builder = services.AddHttpClient<AutoMlClient>((sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<AutoMlClientOptions>>().Value.BaseAddress)
            .AddTypedClient((http, sp) => new AutoMlClient(http, sp.GetRequiredService<IOptions<AutoMlClientOptions>>().Value));
        builder.AddResilienceHandler("automl-retry", (pipeline, context) =>
        {
            var retry = context.ServiceProvider.GetRequiredService<IOptions<AutoMlClientOptions>>().Value.Retry;
            if (retry.Enabled && retry.MaxRetryAttempts > 0)
            {
                pipeline.AddRetry(RetryPipeline.Strategy(retry));
            }
        });
        return builder;
    }
}
