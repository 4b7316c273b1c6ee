using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using AutoMl.Sdk.Http;
using Microsoft.AspNetCore.SignalR.Client;

namespace AutoMl.Sdk.Jobs;

/// <summary>
/// One WatchAsync: a hub connection per attempt. Each attempt first joins the account's live stream, then reads the
/// job's stored events (GET /jobs/{id}/events) after the last one yielded: an event committed before that read is in
/// it, one committed after it comes live, so nothing falls between the two. The hub's Resume does not replay here: the
/// .NET client runs event handlers on a task of their own, so a Resume's answer can overtake the events it replayed
/// (seen: a watch that began with job.progress), and its replay holds the whole account's events, not this job's.
/// Before the last event the stored events are compared with what was yielded, so an event the hub never delivered
/// live still arrives.
/// </summary>
internal sealed class JobWatcher(ApiConnection api, JobsClient jobs, Guid jobId, long afterSeq)
{
    private const string ResumeMethod = "Resume";
    private const int PageSize = 1000; // GET /jobs/{id}/events returns at most this many
    private const int MaxConsecutiveFailures = 8;

    private readonly HashSet<long> yielded = [];
    private string? closedBecause; // set when the server says the key was revoked: reconnecting cannot help
    private long last;
    private int failures;

    public async IAsyncEnumerable<JobEvent> RunAsync([EnumeratorCancellation] CancellationToken ct)
    {
        last = afterSeq;
        while (true)
        {
            var inbox = Channel.CreateUnbounded<JobEvent?>(); // null: the connection closed
            var connection = Build(inbox.Writer);
            await using (connection.ConfigureAwait(false))
            {
                if (await ConnectAsync(connection, ct).ConfigureAwait(false))
                {
                    failures = 0;
                    foreach (var e in await StoredAfterAsync(last, ct).ConfigureAwait(false))
                    {
                        if (!Accept(e))
                        {
                            continue;
                        }
                        await foreach (var item in YieldAsync(e, ct).ConfigureAwait(false))
                        {
                            yield return item;
                        }
                        if (JobEventTypes.IsTerminal(e.Type))
                        {
                            yield break;
                        }
                    }
                    await foreach (var e in inbox.Reader.ReadAllAsync(ct).ConfigureAwait(false))
                    {
                        if (e is null)
                        {
                            break;
                        }
                        if (!Accept(e))
                        {
                            continue;
                        }
                        await foreach (var item in YieldAsync(e, ct).ConfigureAwait(false))
                        {
                            yield return item;
                        }
                        if (JobEventTypes.IsTerminal(e.Type))
                        {
                            yield break;
                        }
                    }
                }
            }
            if (Volatile.Read(ref closedBecause) is { } reason)
            {
                throw new AutoMlApiException(System.Net.HttpStatusCode.Unauthorized, "The event stream was closed", reason);
            }
            if (++failures > MaxConsecutiveFailures)
            {
                throw new AutoMlApiException($"Lost the event stream of job {jobId} and could not reconnect after {MaxConsecutiveFailures} attempts.");
            }
            await Task.Delay(Backoff(failures), ct).ConfigureAwait(false);
        }
    }

    private bool Accept(JobEvent e) => e.JobId == jobId && e.Seq > afterSeq && !yielded.Contains(e.Seq);

    /// <summary>The job's stored events after <paramref name="after"/>, oldest first, every page of them.</summary>
    private async Task<List<JobEvent>> StoredAfterAsync(long after, CancellationToken ct)
    {
        var all = new List<JobEvent>();
        while (true)
        {
            var page = await jobs.GetEventsAsync(jobId, after, ct).ConfigureAwait(false);
            all.AddRange(page);
            if (page.Count < PageSize)
            {
                return all;
            }
            after = page[^1].Seq;
        }
    }

    /// <summary>Yields the event; before a terminal one, first any stored event of the job that never came over the hub.</summary>
    private async IAsyncEnumerable<JobEvent> YieldAsync(JobEvent e, [EnumeratorCancellation] CancellationToken ct)
    {
        if (JobEventTypes.IsTerminal(e.Type))
        {
            foreach (var missed in await StoredAfterAsync(afterSeq, ct).ConfigureAwait(false))
            {
                if (missed.Seq < e.Seq && yielded.Add(missed.Seq))
                {
                    yield return missed;
                }
            }
        }
        yielded.Add(e.Seq);
        last = Math.Max(last, e.Seq);
        yield return e;
    }

    private HubConnection Build(ChannelWriter<JobEvent?> inbox)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(api.Resolve("hubs/events"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(api.Options.ApiKey);
                api.Options.ConfigureEventsConnection?.Invoke(o);
            })
            .Build();
        connection.On<JsonElement>("event", json => inbox.TryWrite(json.Deserialize<JobEvent>(ApiConnection.Json)));
        connection.On<JsonElement>("close", json =>
        {
            Volatile.Write(ref closedBecause, json.TryGetProperty("reason", out var reason) ? reason.GetString() : "The server closed the stream.");
            inbox.TryWrite(null);
        });
        connection.Closed += _ =>
        {
            inbox.TryWrite(null);
            return Task.CompletedTask;
        };
        return connection;
    }

    /// <returns>Whether the connection opened (and so joined the account's live stream).</returns>
    private static async Task<bool> ConnectAsync(HubConnection connection, CancellationToken ct)
    {
        try
        {
            await connection.StartAsync(ct).ConfigureAwait(false);
            // The handshake can complete before the hub has added the connection to the account's group; the hub
            // dispatches invocations only after that, so an answered Resume proves live events now reach us. Asking
            // for the events after the largest sequence replays nothing.
            await connection.InvokeAsync<int>(ResumeMethod, long.MaxValue, ct).ConfigureAwait(false);
            return true;
        }
        catch (HttpRequestException e) when (e.StatusCode is { } status && (int)status is >= 400 and < 500)
        {
            // A wrong key or address does not get better by reconnecting.
            throw new AutoMlApiException(status, "Cannot open the event stream", e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(10_000, 250 * Math.Pow(2, attempt - 1)));
}
