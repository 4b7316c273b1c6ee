using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Infrastructure.Blobs;

public static class BlobServices
{
    public static IServiceCollection AddAutoMlBlobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(BlobOptions.Section).Get<BlobOptions>() ?? new BlobOptions();
        services.AddSingleton(options);
        switch (options.Provider.ToLowerInvariant())
        {
            case "local":
                var root = options.LocalRoot
                    ?? Path.Combine(Environment.GetEnvironmentVariable("AUTOML_DATA_DIR") ?? Path.Combine(Directory.GetCurrentDirectory(), ".data"), "blobs");
                services.AddSingleton<IBlobStore>(new LocalBlobStore(root));
                break;
            case "s3":
                services.AddSingleton<IBlobStore>(_ => new S3BlobStore(options.S3));
                break;
            default:
                throw new InvalidOperationException($"Blobs:Provider must be 'local' or 's3'; got '{options.Provider}'.");
        }
        return services;
    }
}
