using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Events;
using AutoMl.Infrastructure.Events;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Events;

public sealed class EventTransactionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task an_event_published_in_a_transaction_that_rolls_back_is_neither_stored_nor_sent_nor_uses_a_sequence_number()
    {
        var (userId, hub) = await SignedUpListenerAsync();
        await using var _ = hub;
        var before = await LastSeqAsync(userId);

        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<EventPublisher>().PublishAsync(userId, null, new CreditsChanged("grant", 5), default);
            await tx.RollbackAsync();
        }
        // A later event that does commit: once it has arrived, the rolled-back one would have arrived before it.
        await PublishAsync(userId, new CreditsChanged("grant", 7));

        var committed = await hub.WaitForAsync(e => Amount(e) == 7, 15);
        Assert.NotNull(committed);
        Assert.Equal(before + 1, committed.Value.GetProperty("seq").GetInt64());
        Assert.DoesNotContain(hub.Received, e => Amount(e) == 5);
        var stored = await api.InDbAsync(db => db.JobEvents.Where(e => e.UserId == userId && e.Seq > before).Select(e => e.DataJson).ToListAsync());
        Assert.Single(stored);
        Assert.DoesNotContain("\"amount\":5", stored[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_event_published_in_a_transaction_is_sent_once_it_commits_and_marked_sent()
    {
        var (userId, hub) = await SignedUpListenerAsync();
        await using var _ = hub;

        long seq;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            seq = (await scope.ServiceProvider.GetRequiredService<EventPublisher>().PublishAsync(userId, null, new CreditsChanged("grant", 9), default)).Seq;
            // Not yet visible to anyone else: another connection reads nothing of it before the commit.
            Assert.False(await api.InDbAsync(other => other.JobEvents.AnyAsync(e => e.UserId == userId && e.Seq == seq)));
            await tx.CommitAsync();
        }

        var sent = await hub.WaitForAsync(e => e.GetProperty("seq").GetInt64() == seq, 15);
        Assert.NotNull(sent);
        Assert.Equal(9, Amount(sent.Value));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await api.InDbAsync(db => db.JobEvents.Where(e => e.UserId == userId && e.Seq == seq).Select(e => e.SentAt).SingleAsync()) is null
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.NotNull(await api.InDbAsync(db => db.JobEvents.Where(e => e.UserId == userId && e.Seq == seq).Select(e => e.SentAt).SingleAsync()));
    }

    private async Task<(Guid UserId, EventsHubClient Hub)> SignedUpListenerAsync()
    {
        var email = ApiFactory.NewEmail();
        var user = await api.SignUpAsync(email);
        var key = await api.CreateApiKeyAsync(user);
        var userId = await api.InDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (userId, await EventsHubClient.ConnectAsync(api, key));
    }

    private async Task PublishAsync(Guid userId, PlatformEvent data)
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EventPublisher>().PublishAsync(userId, null, data, default);
    }

    private Task<long> LastSeqAsync(Guid userId) =>
        api.InDbAsync(async db => await db.JobEvents.Where(e => e.UserId == userId).MaxAsync(e => (long?)e.Seq) ?? 0);

    private static long? Amount(System.Text.Json.JsonElement e) =>
        e.GetProperty("type").GetString() == "credits.changed" ? e.GetProperty("data").GetProperty("amount").GetInt64() : null;
}
