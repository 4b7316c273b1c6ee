using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace AutoMl.Api.Tests.Support;

/// <summary>
/// s3rver accepts any SigV4 signature (its authentication.js: "Signature version 4 calculation is unimplemeneted"),
/// so a presigned URL's signed headers and expiry would go unchecked in tests. This gate sits in front of it and
/// checks presigned (query-string) SigV4 requests as S3, R2 and MinIO do: the canonical request over the signed
/// headers, the scope and the expiry; a request that fails gets S3's 403 XML, one that passes is forwarded as it came.
/// Requests signed in the Authorization header (the platform's own SDK calls) are forwarded unchecked.
/// </summary>
public sealed class S3SignatureGate : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient upstream;
    private readonly string secretKey;

    private S3SignatureGate(WebApplication app, Uri target, string secretKey)
    {
        this.app = app;
        this.secretKey = secretKey;
        upstream = new HttpClient { BaseAddress = target, Timeout = TimeSpan.FromMinutes(5) };
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Method, path and query of every request that reached the gate, in order.</summary>
    public ConcurrentQueue<(string Method, string Path, string Query)> Requests { get; } = new();

    public static async Task<S3SignatureGate> StartAsync(Uri target, string secretKey)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gate = new S3SignatureGate(app, target, secretKey);
        app.Run(gate.HandleAsync);
        await app.StartAsync();
        gate.BaseUrl = new Uri(app.Urls.First());
        return gate;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? rawTarget : rawTarget[..question];
        var query = question < 0 ? string.Empty : rawTarget[(question + 1)..];
        Requests.Enqueue((context.Request.Method, Uri.UnescapeDataString(path), query));
        if (context.Request.Query.ContainsKey("X-Amz-Signature") && Refusal(context.Request, path, query) is { } refusal)
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{refusal.Code}</Code><Message>{refusal.Message}</Message></Error>");
            return;
        }
        await ForwardAsync(context, rawTarget);
    }

    private (string Code, string Message)? Refusal(HttpRequest request, string path, string query)
    {
        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: Uri.UnescapeDataString(p[0]), Value: Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty)))
            .ToList();
        string Param(string name) => parameters.FirstOrDefault(p => p.Key == name).Value ?? string.Empty;
        var date = DateTime.ParseExact(Param("X-Amz-Date"), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var expires = int.Parse(Param("X-Amz-Expires"), CultureInfo.InvariantCulture);
        if (expires > 604_800 || DateTime.UtcNow > date.AddSeconds(expires))
        {
            return ("AccessDenied", "Request has expired");
        }
        var credential = Param("X-Amz-Credential").Split('/');
        var scope = string.Join('/', credential.Skip(1));
        var signedHeaders = Param("X-Amz-SignedHeaders").Split(';');
        var canonicalHeaders = new StringBuilder();
        foreach (var name in signedHeaders)
        {
            var value = name switch
            {
                "host" => request.Host.Value,
                "content-length" => request.ContentLength?.ToString(CultureInfo.InvariantCulture),
                _ => request.Headers[name].ToString(),
            };
            canonicalHeaders.Append(name).Append(':').Append(value?.Trim()).Append('\n');
        }
        var canonicalQuery = string.Join('&', parameters
            .Where(p => p.Key != "X-Amz-Signature")
            .Select(p => (Key: Uri.EscapeDataString(p.Key), Value: Uri.EscapeDataString(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
        var canonicalRequest = $"{request.Method}\n{path}\n{canonicalQuery}\n{canonicalHeaders}\n{string.Join(';', signedHeaders)}\nUNSIGNED-PAYLOAD";
        var stringToSign = $"AWS4-HMAC-SHA256\n{Param("X-Amz-Date")}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in credential.Skip(1))
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Param("X-Amz-Signature")))
            ? null
            : ("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    }

    private async Task ForwardAsync(HttpContext context, string rawTarget)
    {
        using var forward = new HttpRequestMessage(new HttpMethod(context.Request.Method), rawTarget);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            forward.Content = new StreamContent(context.Request.Body);
        }
        foreach (var (name, values) in context.Request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!forward.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                forward.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }
        using var answer = await upstream.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }
        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        upstream.Dispose();
        await app.DisposeAsync();
    }
}
