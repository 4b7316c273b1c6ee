using Microsoft.Extensions.Options;
using Serilog.Events;

namespace AutoMl.Api.Hosting;

/// <summary>The "AutoMl:RequestLog" section: which requests get their line in the log.</summary>
internal sealed class RequestLogOptions
{
    public const string Section = "AutoMl:RequestLog";

    /// <summary>One ordinary request in this many is logged (1: every one); errors, client errors and slow requests always are.</summary>
    public int SampleEvery { get; set; } = 20;

    /// <summary>A request slower than this is always logged, as a warning.</summary>
    public int SlowMilliseconds { get; set; } = 500;
}

/// <summary>
/// The level of each request's log line. Writing one JSON line per request to the console was a tenth of a list request's
/// CPU (bench/Load/README.md), and a line saying a fast request went well tells nobody anything; failures, refusals and
/// slow requests are what a person reads the log for, so those are all kept and the rest sampled.
/// </summary>
internal sealed class RequestLogSampling(IOptions<RequestLogOptions> options)
{
    private readonly int every = Math.Max(1, options.Value.SampleEvery);
    private readonly double slowMs = options.Value.SlowMilliseconds;
    private long seen;

    public LogEventLevel LevelOf(HttpContext context, double elapsedMs, Exception? error)
    {
        if (error is not null || context.Response.StatusCode >= 500)
        {
            return LogEventLevel.Error;
        }
        if (elapsedMs > slowMs)
        {
            return LogEventLevel.Warning;
        }
        if (context.Response.StatusCode >= 400 || Interlocked.Increment(ref seen) % every == 0)
        {
            return LogEventLevel.Information;
        }
        // Below the platform's minimum level: the line is never built.
        return LogEventLevel.Debug;
    }
}
