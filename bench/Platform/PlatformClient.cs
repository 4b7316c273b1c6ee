using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AutoMl.Bench.Platform;

/// <summary>The platform's REST API as the benchmark uses it: a cookie session for account set-up, an API key for the measured calls.</summary>
internal sealed class PlatformClient : IDisposable
{
    private readonly CookieContainer cookies = new();
    private readonly HttpClient session;
    private readonly HttpClient keyed;

    public PlatformClient(Uri baseAddress)
    {
        BaseAddress = baseAddress;
        session = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        keyed = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    public string? ApiKey { get; private set; }

    public async Task<Guid> SignUpAsync(string email, string password)
    {
        var body = await ReadAsync(await session.PostAsJsonAsync("/api/v1/auth/signup", new { email, password, acceptTerms = true, confirmAge = true }), HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    public async Task LogInAsync(string email, string password) =>
        await ReadAsync(await session.PostAsJsonAsync("/api/v1/auth/login", new { email, password }), HttpStatusCode.OK);

    public async Task CreateApiKeyAsync()
    {
        var body = await ReadAsync(await session.SendAsync(WithXsrf(HttpMethod.Post, "/api/v1/api-keys", new { name = "platform bench" })), HttpStatusCode.Created);
        UseApiKey(body.GetProperty("key").GetString()!);
    }

    public void UseApiKey(string key)
    {
        ApiKey = key;
        keyed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    /// <summary>The admin grant; the session must belong to an admin.</summary>
    public async Task GrantCreditsAsync(Guid userId, long amount) =>
        await ReadAsync(await session.SendAsync(WithXsrf(HttpMethod.Post, $"/api/v1/admin/users/{userId}/credits",
            new { amount, reason = "platform benchmark" })), HttpStatusCode.OK);

    public async Task<Guid> UploadAsync(string path)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(File.OpenRead(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", Path.GetFileName(path));
        var body = await ReadAsync(await keyed.PostAsync(new Uri("/api/v1/datasets", UriKind.Relative), form), HttpStatusCode.Accepted);
        return body.GetProperty("id").GetGuid();
    }

    public async Task WaitDatasetReadyAsync(Guid id, TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        while (true)
        {
            var body = await ReadAsync(await keyed.GetAsync(new Uri($"/api/v1/datasets/{id}", UriKind.Relative), deadline.Token), HttpStatusCode.OK);
            switch (body.GetProperty("status").GetString())
            {
                case "ready":
                    return;
                case "failed":
                    throw new InvalidOperationException($"The data set failed to ingest: {body.GetProperty("error")}");
                default:
                    await Task.Delay(250, deadline.Token);
                    break;
            }
        }
    }

    public async Task<JsonElement> SubmitAsync(Guid datasetId, string target, int budgetSeconds) =>
        await ReadAsync(await keyed.PostAsJsonAsync("/api/v1/jobs", new { datasetId, target, budgetSeconds }), HttpStatusCode.Accepted);

    public async Task CancelAsync(Guid jobId) =>
        await ReadAsync(await keyed.PostAsync(new Uri($"/api/v1/jobs/{jobId}/cancel", UriKind.Relative), null), HttpStatusCode.Accepted);

    public async Task<JsonElement> GetJobAsync(Guid jobId) =>
        await ReadAsync(await keyed.GetAsync(new Uri($"/api/v1/jobs/{jobId}", UriKind.Relative)), HttpStatusCode.OK);

    /// <summary>One request with a prepared JSON body; the body is read so the connection is reused.</summary>
    public async Task PostJsonAsync(string path, byte[] json)
    {
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await keyed.PostAsync(new Uri(path, UriKind.Relative), content);
        await EnsureAsync(response, HttpStatusCode.OK);
    }

    public async Task GetAsync(string path)
    {
        using var response = await keyed.GetAsync(new Uri(path, UriKind.Relative));
        await EnsureAsync(response, HttpStatusCode.OK);
    }

    public void Dispose()
    {
        session.Dispose();
        keyed.Dispose();
    }

    private HttpRequestMessage WithXsrf(HttpMethod method, string path, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        var token = cookies.GetCookies(BaseAddress)["XSRF-TOKEN"]?.Value
            ?? throw new InvalidOperationException("The session has no XSRF-TOKEN cookie.");
        request.Headers.Add("X-XSRF-TOKEN", token);
        return request;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await EnsureAsync(response, expected);
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    private static async Task<string> EnsureAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode == expected ? text : throw new HttpRequestException(
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
    }
}
