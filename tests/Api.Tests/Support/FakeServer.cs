using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AutoMl.Api.Tests.Support;

public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>
/// A real HTTP server on 127.0.0.1 and a random port that records every request, for a provider the code under test
/// reaches over the network. Started before the API host is built, so the host factory never mistakes it for the API.
/// </summary>
public abstract class FakeServer : IAsyncDisposable
{
    private WebApplication? app;
    private int failures;

    public Uri BaseUrl { get; private set; } = null!;
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers the next <paramref name="count"/> requests with a 500, as a provider having a bad minute does.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref failures, count);

    protected abstract void Map(WebApplication server);

    protected abstract IResult Failure();

    protected async Task ListenAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Use(async (ctx, next) =>
        {
            ctx.Request.EnableBuffering();
            using var reader = new StreamReader(ctx.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync();
            ctx.Request.Body.Position = 0;
            Requests.Enqueue(new RecordedRequest(ctx.Request.Method, ctx.Request.Path, ctx.Request.QueryString.Value ?? "",
                ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            if (TakeFailure())
            {
                await Failure().ExecuteAsync(ctx);
                return;
            }
            await next(ctx);
        });
        Map(app);
        await app.StartAsync();
        BaseUrl = new Uri(app.Urls.First());
    }

    private bool TakeFailure()
    {
        while (true)
        {
            var left = Volatile.Read(ref failures);
            if (left <= 0)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref failures, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    protected virtual void Release()
    {
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
        Release();
        GC.SuppressFinalize(this);
    }
}
