using Microsoft.AspNetCore.Http.Connections.Client;

namespace AutoMl.Sdk;

/// <summary>Where the API is and how to authenticate to it.</summary>
public sealed class AutoMlClientOptions
{
    /// <summary>The default address of the hosted service.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.automl.example/");

    /// <summary>The API's root address (without /api/v1). Defaults to <see cref="DefaultBaseAddress"/>.</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>An API key, "aml_…", created in the dashboard or with POST /api/v1/api-keys.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>How requests answered 429 or 503 are retried.</summary>
    public AutoMlRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// Files at least this large are uploaded in parts straight to the blob store with presigned URLs,
    /// when the server offers it; smaller files go through the API in one request. Default 64 MiB.
    /// </summary>
    public long PresignedUploadThresholdBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How often waits that poll (a data set being ingested) ask again. Default 500 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Adjusts the SignalR connection that <see cref="JobsClient.WatchAsync(Guid, long, CancellationToken)"/> opens,
    /// for example its transports or a proxy. The access token and URL are already set.
    /// </summary>
    public Action<HttpConnectionOptions>? ConfigureEventsConnection { get; set; }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException("Set AutoMlClientOptions.ApiKey to an API key (aml_…).", nameof(ApiKey));
        }
        if (!BaseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("AutoMlClientOptions.BaseAddress must be an absolute URL.", nameof(BaseAddress));
        }
    }
}
