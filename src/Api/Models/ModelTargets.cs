using AutoMl.Api.Caching;
using AutoMl.Infrastructure;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Redis;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Models;

/// <summary>
/// Which model an online prediction runs (owner, bundle, decision threshold), remembered for a few seconds
/// (AutoMl:Predictions:ModelLookupSeconds) so a one-row prediction makes one Postgres round trip, its charge, instead of
/// two (issue 31: p99 &lt; 5 ms inside the API, where each round trip's wake-up on a busy machine costs milliseconds at
/// the tail). A threshold set or cleared and a model deleted are announced to every instance, which forgets the model at
/// once; an account suspended or deleted forgets its models the same way. The time limit is only the fallback for an
/// announcement lost while Redis was away.
/// </summary>
internal sealed class ModelTargets(
    TimeProvider clock, Announcements announcements, IOptions<PlatformOptions> options, ILogger<ModelTargets> logger) : IHostedService
{
    private static readonly AnnouncementTopic<Guid> Changed = new("model-changed");

    private readonly BriefMemory<Guid, OwnedTarget> byModel =
        new(clock, TimeSpan.FromSeconds(Math.Max(0, options.Value.Predictions.ModelLookupSeconds)));

    private sealed record OwnedTarget(Guid UserId, PredictionTarget Target);

    /// <summary>Taken before reading the model from Postgres and given back to <see cref="Remember"/>.</summary>
    public long Generation => byModel.Generation;

    /// <summary>The model, if this instance remembers it as <paramref name="user"/>'s; null means: read it.</summary>
    public PredictionTarget? Find(Guid model, Guid user) => byModel.Find(model) is { } known && known.UserId == user ? known.Target : null;

    public void Remember(Guid user, PredictionTarget target, long readAt) => byModel.Remember(target.ModelId, new OwnedTarget(user, target), readAt);

    /// <summary>After a change to the model's row is committed: this instance forgets it now, the others when they hear.</summary>
    public async Task ChangedAsync(Guid model)
    {
        byModel.Forget(model);
        try
        {
            await announcements.PublishAsync(Changed, model);
        }
        catch (PlatformUnavailableException e)
        {
            logger.LogWarning(e, "Redis is unreachable: other API instances may predict with model {ModelId} as it was for a few seconds more", model);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await byModel.ListenAsync(
                () => announcements.SubscribeAsync(Changed, byModel.Forget),
                () => announcements.SubscribeAsync(AccountAnnouncements.SessionsEnded, user => byModel.Forget((_, t) => t.UserId == user)));
        }
        catch (PlatformUnavailableException e)
        {
            logger.LogWarning(e, "Cannot subscribe to model changes over Redis: this instance reads the model of every online prediction from Postgres");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => byModel.StopListeningAsync();
}
