using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using AutoMl.Sdk.Http;
using Microsoft.AspNetCore.SignalR.Client;

namespace AutoMl.Sdk.Jobs;

/// <summary>
/// One WatchAsync: a hub connection per attempt, resumed from the last event yielded. The hub's sequence is per
/// account, so the replay after a reconnect holds other jobs' events too; they are filtered here. Before the last
/// event the stored events are compared with what was yielded, so an event the hub never delivered still arrives.
/// </summary>
internal sealed class JobWatcher(ApiConnection api, JobsClient jobs, Guid jobId, long afterSeq)
{
    private const string ResumeMethod = "Resume";
    private const int ResumeLimit = 1000; // the hub replays at most this many per call
    private const int MaxConsecutiveFailures = 8;

    private readonly HashSet<long> yielded = [];
    private long last;
    private int failures;

    public async IAsyncEnumerable<JobEvent> RunAsync([EnumeratorCancellation] CancellationToken ct)
    {
        last = afterSeq;
        if (afterSeq == 0 && await jobs.GetEventsAsync(jobId, 0, ct).ConfigureAwait(false) is [var first, ..])
        {
            // Resume from just before the job's first event rather than replaying the account's whole history.
            last = first.Seq - 1;
        }
        while (true)
        {
            var inbox = Channel.CreateUnbounded<JobEvent?>(); // null: the connection closed
            var connection = Build(inbox.Writer);
            await using (connection.ConfigureAwait(false))
            {
                var replay = await ConnectAndResumeAsync(connection, inbox.Reader, ct).ConfigureAwait(false);
                if (replay is not null)
                {
                    failures = 0;
                    foreach (var e in replay.OrderBy(e => e.Seq).Where(Accept))
                    {
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
            if (++failures > MaxConsecutiveFailures)
            {
                throw new AutoMlApiException($"Lost the event stream of job {jobId} and could not reconnect after {MaxConsecutiveFailures} attempts.");
            }
            await Task.Delay(Backoff(failures), ct).ConfigureAwait(false);
        }
    }

    private bool Accept(JobEvent e) => e.JobId == jobId && e.Seq > afterSeq && !yielded.Contains(e.Seq);

    /// <summary>Yields the event; before a terminal one, first any stored event of the job that never came over the hub.</summary>
    private async IAsyncEnumerable<JobEvent> YieldAsync(JobEvent e, [EnumeratorCancellation] CancellationToken ct)
    {
        if (JobEventTypes.IsTerminal(e.Type))
        {
            var after = afterSeq;
            while (true)
            {
                var stored = await jobs.GetEventsAsync(jobId, after, ct).ConfigureAwait(false);
                foreach (var missed in stored.Where(s => s.Seq < e.Seq && !yielded.Contains(s.Seq)))
                {
                    yielded.Add(missed.Seq);
                    yield return missed;
                }
                if (stored.Count < ResumeLimit || stored[^1].Seq >= e.Seq)
                {
                    break;
                }
                after = stored[^1].Seq;
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
        connection.Closed += _ =>
        {
            inbox.TryWrite(null);
            return Task.CompletedTask;
        };
        return connection;
    }

    /// <returns>The replayed events (all of the account's after <see cref="last"/>), or null when the connection failed.</returns>
    private async Task<List<JobEvent>?> ConnectAndResumeAsync(HubConnection connection, ChannelReader<JobEvent?> inbox, CancellationToken ct)
    {
        var replay = new List<JobEvent>();
        try
        {
            await connection.StartAsync(ct).ConfigureAwait(false);
            var cursor = last;
            while (true)
            {
                // The hub sends the replayed events before it answers, so they are all in the inbox once this returns.
                var count = await connection.InvokeAsync<int>(ResumeMethod, cursor, ct).ConfigureAwait(false);
                while (inbox.TryPeek(out var e) && e is not null && inbox.TryRead(out _))
                {
                    replay.Add(e);
                    cursor = Math.Max(cursor, e.Seq);
                }
                if (count < ResumeLimit)
                {
                    return replay;
                }
            }
        }
        catch (HttpRequestException e) when (e.StatusCode is { } status && (int)status is >= 400 and < 500)
        {
            // A wrong key or address does not get better by reconnecting.
            throw new AutoMlApiException(status, "Cannot open the event stream", e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(10_000, 250 * Math.Pow(2, attempt - 1)));
}
