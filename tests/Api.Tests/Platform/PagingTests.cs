using System.Net;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Credits;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Platform;

public sealed class PagingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task following_next_cursors_lists_every_item_once_newest_first()
    {
        var user = await api.SignUpAsync();
        var me = await (await user.Http.GetAsync("/api/v1/me")).JsonAsync();
        var id = Guid.Parse(me.GetProperty("id").GetString()!);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var ledger = scope.ServiceProvider.GetRequiredService<CreditLedger>();
            for (var i = 0; i < 4; i++)
            {
                await ledger.CreditAsync(id, 10 + i, CreditEntryKind.Grant, $"grant {i}", $"paging:{id}:{i}", default);
            }
        }

        var seen = new List<(DateTimeOffset At, long Amount)>();
        string? cursor = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = await (await user.Http.GetAsync($"/api/v1/credits/entries?pageSize=2{(cursor is null ? "" : "&cursor=" + cursor)}")).JsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("createdAt").GetDateTimeOffset(), e.GetProperty("amount").GetInt64())));
            cursor = page.GetProperty("nextCursor").GetString();
            if (cursor is null)
            {
                break;
            }
        }

        Assert.Equal([13L, 12L, 11L, 10L, 100L], seen.Select(s => s.Amount));
        Assert.Equal(seen.OrderByDescending(s => s.At).Select(s => s.Amount), seen.Select(s => s.Amount));
        await (await user.Http.GetAsync("/api/v1/credits/entries?cursor=not-ours")).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
