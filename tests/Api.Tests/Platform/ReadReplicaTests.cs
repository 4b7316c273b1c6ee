using System.Net;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Credits;
using AutoMl.Domain.Datasets;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Platform;

/// <summary>The API with ConnectionStrings:PostgresRead pointing at a second database that stands in for a replica.</summary>
public sealed class ReadReplicaFactory : ApiFactory
{
    public ReadReplicaFactory() => ReadDatabase = Database + "_read";

    public string ReadDatabase { get; }

    protected override void ConfigurePlatform(IWebHostBuilder builder) =>
        builder.UseSetting("ConnectionStrings:" + ReadDb.ConnectionStringName, TestStack.Postgres(ReadDatabase));

    public AutoMlDbContext Replica()
    {
        var options = new DbContextOptionsBuilder<AutoMlDbContext>();
        PostgresSetup.Configure(options, TestStack.Postgres(ReadDatabase));
        return new AutoMlDbContext(options.Options);
    }
}

public sealed class ReadReplicaTests(ReadReplicaFactory platform) : IClassFixture<ReadReplicaFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var replica = platform.Replica();
        await replica.Database.MigrateAsync();
    }

    public Task DisposeAsync() => TestStack.DropDatabaseAsync(platform.ReadDatabase);

    [Fact]
    public async Task lists_read_from_the_replica_while_details_balances_and_writes_stay_on_the_primary()
    {
        var email = ApiFactory.NewEmail();
        var user = await platform.SignUpAsync(email);
        var account = await platform.InDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        var onPrimary = NewDataset(account.Id, "only-on-primary.csv");
        await platform.InDbAsync(async db =>
        {
            db.Datasets.Add(onPrimary);
            return await db.SaveChangesAsync();
        });
        await using (var replica = platform.Replica())
        {
            replica.Users.Add(account);
            replica.CreditAccounts.Add(new CreditAccount { UserId = account.Id, Balance = 7, UpdatedAt = DateTimeOffset.UtcNow });
            replica.Datasets.Add(NewDataset(account.Id, "only-on-replica.csv"));
            replica.CreditEntries.Add(new CreditEntry
            {
                Id = Guid.CreateVersion7(),
                UserId = account.Id,
                Amount = 7,
                Kind = CreditEntryKind.Grant,
                Reference = "replica only",
                IdempotencyKey = "replica-only:" + account.Id,
                BalanceAfter = 7,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            await replica.SaveChangesAsync();
        }

        var list = await (await user.Http.GetAsync("/api/v1/datasets")).JsonAsync();
        Assert.Equal(["only-on-replica.csv"], list.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("name").GetString()!).ToArray());
        var entries = await user.Http.EntriesAsync();
        Assert.Equal("replica only", Assert.Single(entries).GetProperty("reference").GetString());
        var jobs = await (await user.Http.GetAsync("/api/v1/jobs")).JsonAsync();
        Assert.Equal(0, jobs.GetProperty("items").GetArrayLength());

        // One data set by id, and the balance, are read where they are written.
        var detail = await (await user.Http.GetAsync($"/api/v1/datasets/{onPrimary.Id}")).JsonAsync();
        Assert.Equal("only-on-primary.csv", detail.GetProperty("name").GetString());
        Assert.Equal(100, (await user.Http.CreditsAsync()).GetProperty("balance").GetInt64());
        var rename = await user.Http.PatchAsync($"/api/v1/datasets/{onPrimary.Id}", System.Net.Http.Json.JsonContent.Create(new { name = "renamed.csv" }));
        await rename.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("renamed.csv", await platform.InDbAsync(db => db.Datasets.Where(d => d.Id == onPrimary.Id).Select(d => d.Name).SingleAsync()));
    }

    private static Dataset NewDataset(Guid userId, string name) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        Name = name,
        Status = DatasetStatus.Ready,
        Format = "csv",
        OriginalKey = $"{userId:N}/{name}",
        SizeBytes = 10,
        Rows = 1,
        CreatedAt = DateTimeOffset.UtcNow,
        LastUsedAt = DateTimeOffset.UtcNow,
    };
}
