using System.Net;
using System.Security.Claims;
using System.Text;
using AutoMl.Api.Accounts;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace AutoMl.Api.Hosting;

/// <summary>
/// The most-used requests sent once through the whole request pipeline (routing, every middleware, the endpoint, the
/// JSON of the answer) as the instance builds it, before Kestrel listens. <see cref="StartupWarmup"/> warms what the
/// requests call; this warms the requests themselves: the first of each kind on a fresh instance still JIT-compiled
/// some 1,300 methods (the endpoint's delegate and filters, the JSON contracts, middleware generics: 90-200 ms each
/// on a quiet machine, several times that under a surge; issue 31).
/// <para>
/// The requests are made in-process, as an account that does not exist (a random id): each lists nothing, finds
/// nothing, or is refused by validation, so no row is read or written for anyone. The principal is placed on the
/// request's authentication feature, which no network request can set (Kestrel gives each one its own), so this opens
/// no way in.
/// </para>
/// </summary>
internal sealed class PipelineRehearsal(IServiceScopeFactory scopes, IHttpContextAccessor accessor, IConfiguration configuration,
    ILogger<PipelineRehearsal> logger) : IStartupFilter
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>Each rehearsed request and the status it got, in order (empty when the rehearsal is off).</summary>
    public IReadOnlyList<(string Request, int Status)> Answers { get; private set; } = [];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // Outermost: the delegate handed to this factory is the whole pipeline, built, just before the server starts.
        app.Use(pipeline =>
        {
            if (configuration.GetValue("AutoMl:Startup:WarmConnections", StartupWarmup.DefaultConnections) > 0)
            {
                // The pipeline is built synchronously, just before the server listens: waiting here keeps the rehearsal before it.
                Task.Run(() => RehearseAsync(pipeline)).GetAwaiter().GetResult();
                SettleHeap();
            }
            return pipeline;
        });
        next(app);
    };

    /// <summary>
    /// A full, compacting collection as the last thing before listening. The start-up leaves hundreds of megabytes of
    /// live objects in the young generations (the models it loaded, the caches and compiled queries it built); left
    /// there, the first collections under the crowd promoted them: a gen1 pause of 0.85 s twenty seconds into a surge of
    /// 6,000 users, its heap's gen2 going from 395 MB to 1,053 MB (issue 31). Collected here, they are old before
    /// anyone waits.
    /// </summary>
    private void SettleHeap()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        logger.LogInformation("Collected the start-up's garbage in {Milliseconds:0} ms before listening; {Megabytes:0} MB live",
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, GC.GetTotalMemory(forceFullCollection: false) / 1e6);
    }

    private async Task RehearseAsync(RequestDelegate pipeline)
    {
        using var timeout = new CancellationTokenSource(Limit);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var user = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Guid.CreateVersion7().ToString()),
            new Claim(ApiKeyAuthenticationHandler.KeyIdClaim, Guid.Empty.ToString()),
            new Claim(ApiKeyAuthenticationHandler.ScopeClaim, "full"),
        ], ApiKeyAuthenticationHandler.SchemeName));
        var nothing = Guid.CreateVersion7();
        (string Method, string Path, string? Body)[] requests =
        [
            ("GET", "/api/v1/jobs", null),
            ("GET", "/api/v1/datasets", null),
            ("GET", "/api/v1/credits/entries", null),
            ("GET", "/api/v1/models", null),
            ("GET", $"/api/v1/jobs/{nothing}", null),
            ("POST", $"/api/v1/models/{nothing}/predict", """{"rows":[{"x":1}]}"""),
            // Refused by validation (a budget under 10 s) before anything is read: the submission's own work is rehearsed by SubmissionRehearsal.
            ("POST", "/api/v1/jobs", $$"""{"datasetId":"{{nothing}}","target":"x","budgetSeconds":1}"""),
        ];
        var answers = new List<(string, int)>();
        try
        {
            foreach (var (method, path, body) in requests)
            {
                answers.Add(($"{method} {path}", await SendAsync(pipeline, user, method, path, body, timeout.Token)));
            }
            logger.LogInformation("Rehearsed {Requests} requests through the pipeline in {Milliseconds:0} ms before listening",
                answers.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Request rehearsal incomplete; the first requests warm the rest");
        }
        finally
        {
            Answers = answers;
        }
    }

    private async Task<int> SendAsync(RequestDelegate pipeline, ClaimsPrincipal user, string method, string path, string? body, CancellationToken ct)
    {
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        IHeaderDictionary headers = new HeaderDictionary { ["Host"] = "localhost", ["Accept"] = "application/json" };
        if (body is not null)
        {
            headers.ContentType = "application/json";
            headers.ContentLength = bytes.Length;
        }
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Method = method,
            Scheme = "http",
            Protocol = "HTTP/1.1",
            Path = path,
            Headers = headers,
            Body = new MemoryStream(bytes),
        });
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
        {
            ConnectionId = "startup-rehearsal",
            RemoteIpAddress = IPAddress.Loopback,
            LocalIpAddress = IPAddress.Loopback,
        });
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = ct });
        features.Set<IHttpAuthenticationFeature>(new HttpAuthenticationFeature { User = user });
        features.Set<IHttpRequestBodyDetectionFeature>(new BodyDetection(body is not null));
        await using var scope = scopes.CreateAsyncScope();
        var context = new DefaultHttpContext(features) { RequestServices = scope.ServiceProvider };
        accessor.HttpContext = context;
        try
        {
            await pipeline(context);
            return context.Response.StatusCode;
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    /// <summary>Minimal APIs read a JSON body only when the server says the request can have one.</summary>
    private sealed class BodyDetection(bool canHaveBody) : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => canHaveBody;
    }
}
