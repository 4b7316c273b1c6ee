using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;

namespace AutoMl.Sdk.Http;

/// <summary>Sends authenticated requests and turns error answers into typed exceptions; shared by the area clients.</summary>
internal sealed class ApiConnection(HttpClient http, AutoMlClientOptions options)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly ProductInfoHeaderValue UserAgent =
        new("AutoMl.Sdk", typeof(ApiConnection).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0");

    public AutoMlClientOptions Options => options;

    public HttpClient Http => http;

    public Uri Resolve(string relative) => new(http.BaseAddress ?? options.BaseAddress, relative);

    public HttpRequestMessage Request(HttpMethod method, string relative, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, Resolve(relative)) { Content = content };
        // Per request rather than on DefaultRequestHeaders, so a shared IHttpClientFactory client is never mutated.
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        request.Headers.UserAgent.Add(UserAgent);
        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct)
    {
        var response = await http.SendAsync(request, completion, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ProblemDetails.ToExceptionAsync(response, ct).ConfigureAwait(false);
            }
        }
        return response;
    }

    public async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        using (var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false))
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, ct).ConfigureAwait(false)
                ?? throw new AutoMlApiException(response.StatusCode, "Empty answer", $"{request.Method} {request.RequestUri} answered without a body.");
        }
    }

    /// <summary>Sends with the call's options: its Idempotency-Key (a fresh one when none is given) and its timeout.</summary>
    public async Task<T> SendAsync<T>(HttpRequestMessage request, RequestOptions? options, CancellationToken ct)
    {
        request.Headers.Add("Idempotency-Key", options?.IdempotencyKey ?? Guid.NewGuid().ToString("N"));
        if (options?.Timeout is not { } timeout)
        {
            return await SendAsync<T>(request, ct).ConfigureAwait(false);
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            return await SendAsync<T>(request, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            // The caller's own cancellation stays an OperationCanceledException; only the call's time limit is a timeout.
            throw new TimeoutException($"{request.Method} {request.RequestUri?.AbsolutePath} had no answer within {timeout.TotalSeconds:0.###} s (RequestOptions.Timeout).", e);
        }
    }

    public Task<T> GetAsync<T>(string relative, CancellationToken ct) => SendAsync<T>(Request(HttpMethod.Get, relative), ct);

    public Task<T> PostAsync<T>(string relative, object? body, CancellationToken ct) =>
        SendAsync<T>(Request(HttpMethod.Post, relative, body is null ? null : JsonContent.Create(body, body.GetType(), options: Json)), ct);

    public Task<T> SendJsonAsync<T>(HttpMethod method, string relative, object body, CancellationToken ct) =>
        SendAsync<T>(Request(method, relative, JsonContent.Create(body, body.GetType(), options: Json)), ct);

    public async Task DeleteAsync(string relative, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Delete, relative);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
    }

    public static string Query(string path, params (string Name, string? Value)[] values)
    {
        var present = values.Where(v => v.Value is not null).Select(v => $"{v.Name}={Uri.EscapeDataString(v.Value!)}").ToList();
        return present.Count == 0 ? path : $"{path}?{string.Join('&', present)}";
    }
}
