using AutoMl.Infrastructure.Redis;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace AutoMl.Infrastructure.Queues;

/// <summary>
/// Hangfire's client, whose failures to reach its Redis storage surface as <see cref="PlatformUnavailableException"/>,
/// so a caller that can leave the enqueue to the dispatcher catches one type that says nothing of Redis.
/// </summary>
internal sealed class GuardedJobClient(IBackgroundJobClient inner) : IBackgroundJobClientV2
{
    public JobStorage Storage => inner is IBackgroundJobClientV2 v2 ? v2.Storage : JobStorage.Current;

    public string Create(Job job, IState state) => Guard(() => inner.Create(job, state));

    public string Create(Job job, IState state, IDictionary<string, object> parameters) =>
        Guard(() => inner is IBackgroundJobClientV2 v2 ? v2.Create(job, state, parameters) : inner.Create(job, state));

    public bool ChangeState(string jobId, IState state, string expectedState) => Guard(() => inner.ChangeState(jobId, state, expectedState));

    // Hangfire wraps every storage failure of a create in BackgroundJobClientException; a state change lets Redis's own through.
    private static T Guard<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is BackgroundJobClientException || PlatformUnavailableException.IsRedisFailure(e))
        {
            throw new PlatformUnavailableException("Hangfire's storage did not answer.", e);
        }
    }
}
