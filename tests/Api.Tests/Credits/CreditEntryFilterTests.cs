using System.Net;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Credits;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Credits;

/// <summary>The billing page's purchase history is the ledger filtered to purchases, grants and clawbacks.</summary>
public sealed class CreditEntryFilterTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<BrowserClient> UserWithLedgerAsync()
    {
        var user = await api.SignUpAsync();
        var id = (await (await user.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetGuid();
        await using var scope = api.Services.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<CreditLedger>();
        await ledger.CreditAsync(id, 500, CreditEntryKind.Purchase, "500 credits (Stripe cs_1)", $"filter:{id}:p1", default);
        await ledger.CreditAsync(id, 40, CreditEntryKind.AdReward, "an ad", $"filter:{id}:ad", default);
        await ledger.CreditAsync(id, 1000, CreditEntryKind.Grant, "Pro monthly credits", $"filter:{id}:g", default);
        await ledger.CreditAsync(id, 1200, CreditEntryKind.Purchase, "1200 credits (Stripe cs_2)", $"filter:{id}:p2", default);
        await ledger.DebitAsync(id, 500, CreditEntryKind.Clawback, "Refund of 500 credits", $"filter:{id}:c", allowOwed: true, default);
        return user;
    }

    private static List<string> Kinds(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).ToList();

    [Fact]
    public async Task kind_keeps_only_the_kinds_named_newest_first_and_pages_within_them()
    {
        var user = await UserWithLedgerAsync();

        var first = await (await user.Http.GetAsync("/api/v1/credits/entries?kind=purchase,grant&kind=clawback&pageSize=2")).JsonAsync();
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await (await user.Http.GetAsync($"/api/v1/credits/entries?kind=purchase,grant&kind=clawback&pageSize=2&cursor={cursor}")).JsonAsync();
        var all = await (await user.Http.GetAsync("/api/v1/credits/entries")).JsonAsync();

        Assert.Equal(["clawback", "purchase"], Kinds(first));
        Assert.Equal(["grant", "purchase"], Kinds(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        // Without the filter the sign-up bonus and the ad reward are there too.
        Assert.Equal(["clawback", "purchase", "grant", "adReward", "purchase", "signupBonus"], Kinds(all));
    }

    [Fact]
    public async Task an_unknown_kind_is_refused_with_the_kinds_there_are()
    {
        var user = await UserWithLedgerAsync();

        var problem = await (await user.Http.GetAsync("/api/v1/credits/entries?kind=purchase,payday")).ProblemAsync(HttpStatusCode.BadRequest);

        var message = problem.GetProperty("errors").GetProperty("kind")[0].GetString()!;
        Assert.Contains("'payday' is not a kind of ledger entry", message, StringComparison.Ordinal);
        Assert.Contains("purchase, adReward", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_openapi_document_lists_the_kind_filter()
    {
        var doc = await (await api.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();

        var parameters = doc.GetProperty("paths").GetProperty("/api/v1/credits/entries").GetProperty("get").GetProperty("parameters").EnumerateArray();
        var kind = Assert.Single(parameters, p => p.GetProperty("name").GetString() == "kind");
        Assert.Equal("query", kind.GetProperty("in").GetString());
        Assert.Equal("array", kind.GetProperty("schema").GetProperty("type").GetString());
    }
}
