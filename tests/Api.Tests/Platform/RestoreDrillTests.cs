using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AutoMl.Api.Tests.Platform;

/// <summary>
/// Issue 30's restore drill, with the real scripts: WAL archiving and a base backup by infra/backup.sh, a restore to a
/// noted moment by infra/restore.sh into a new cluster; the ledger there is the ledger of that moment, and the
/// platform runs on it. Its own cluster, because archiving needs a restart and a base backup takes the whole cluster.
/// </summary>
public sealed class RestoreDrillTests
{
    [Fact]
    public async Task a_restore_to_a_noted_moment_holds_exactly_the_ledger_of_that_moment_and_the_platform_runs_on_it()
    {
        var root = ScratchCluster.NewFolder("drill");
        ScratchCluster? restoredCluster = null;
        try
        {
            await using var cluster = await ScratchCluster.StartAsync(root);
            var scripts = new BackupScripts(cluster, Path.Combine(root, "backups"), Path.Combine(root, "blobs"));
            scripts.Run("setup");
            Directory.CreateDirectory(Path.Combine(root, "blobs", "datasets"));
            await File.WriteAllTextAsync(Path.Combine(root, "blobs", "datasets", "penguins.csv"), "species,bill\nAdelie,39.1\n");

            var moment = default(DateTimeOffset);
            List<LedgerLine> ledgerThen;
            List<Position> positionsThen;
            string alice = ApiFactory.NewEmail(), carol = ApiFactory.NewEmail();
            await using (var platform = new ClusterPlatform(cluster.ConnectionString("automl")))
            {
                await platform.InitializeAsync();
                var admin = await platform.AdminAsync();
                var aliceId = await UserIdAsync(await platform.SignUpAsync(alice));
                var bobId = await UserIdAsync(await platform.SignUpAsync());
                await GrantAsync(admin, aliceId, 25, "conference voucher");

                scripts.Run("base");

                await GrantAsync(admin, bobId, 40, "support goodwill");
                await GrantAsync(admin, aliceId, -10, "duplicate voucher");
                (ledgerThen, positionsThen) = await LedgerAsync(platform);
                moment = await ServerClockAsync(cluster);

                await GrantAsync(admin, aliceId, 7, "after the moment");
                await platform.SignUpAsync(carol);
                Assert.NotEqual(ledgerThen.Count, (await LedgerAsync(platform)).Entries.Count);
            }
            scripts.Run("flush");

            var port = ScratchCluster.FreePort();
            var restoredData = Path.Combine(root, "restored");
            restoredCluster = ScratchCluster.Adopt(restoredData, port);
            var printed = scripts.Run("restore", "--to", moment.ToString("yyyy-MM-dd HH:mm:ss.ffffff'+00'", CultureInfo.InvariantCulture),
                "--port", port.ToString(CultureInfo.InvariantCulture), "--data", restoredData, "--blobs", Path.Combine(root, "blobs-restored"));
            var restoredConnection = printed.Trim().Split('\n')[^1];
            Assert.Equal(restoredCluster.ConnectionString("automl"), restoredConnection);

            await using var restored = new ClusterPlatform(restoredConnection);
            await restored.InitializeAsync();
            var (ledgerRestored, positionsRestored) = await LedgerAsync(restored);
            Assert.Equal(ledgerThen, ledgerRestored);
            Assert.Equal(positionsThen, positionsRestored);

            await (await restored.CreateClient().GetAsync("/health/ready")).EnsureStatusAsync(HttpStatusCode.OK);
            var aliceAgain = restored.Browser();
            await (await aliceAgain.Http.PostAsJsonAsync("/api/v1/auth/login", new { email = alice, password = ApiFactory.GoodPassword })).EnsureStatusAsync(HttpStatusCode.OK);
            Assert.Equal(100 + 25 - 10, (await aliceAgain.Http.CreditsAsync()).GetProperty("balance").GetInt64());
            Assert.Equal("species,bill\nAdelie,39.1\n", await File.ReadAllTextAsync(Path.Combine(root, "blobs-restored", "datasets", "penguins.csv")));
            // Signed up after the moment: not in the restored platform.
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await restored.Browser().Http.PostAsJsonAsync("/api/v1/auth/login", new { email = carol, password = ApiFactory.GoodPassword })).StatusCode);
        }
        finally
        {
            if (restoredCluster is not null)
            {
                await restoredCluster.DisposeAsync();
            }
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void the_scripts_refuse_to_run_without_the_key()
    {
        foreach (var script in new[] { "backup.sh", "restore.sh" })
        {
            var arguments = script == "backup.sh" ? new[] { "base" } : ["--to", "1 minute ago"];
            var error = Assert.Throws<InvalidOperationException>(() =>
                Command.Run(InfraScript.Locate(script), arguments, environment: new Dictionary<string, string?> { ["AUTOML_BACKUP_KEY"] = null }));
            Assert.Contains("AUTOML_BACKUP_KEY is not set", error.Message, StringComparison.Ordinal);
        }
    }

    private sealed record LedgerLine(Guid Id, Guid UserId, long Amount, long HeldChange, string Kind, string Reference, long BalanceAfter, DateTimeOffset CreatedAt);

    private sealed record Position(Guid UserId, long Balance, long Held, long Owed);

    private static async Task<(List<LedgerLine> Entries, List<Position> Positions)> LedgerAsync(ApiFactory platform) =>
        (await platform.InDbAsync(db => db.CreditEntries.OrderBy(e => e.Id)
                .Select(e => new LedgerLine(e.Id, e.UserId, e.Amount, e.HeldChange, e.Kind.ToString(), e.Reference, e.BalanceAfter, e.CreatedAt)).ToListAsync()),
            await platform.InDbAsync(db => db.CreditAccounts.OrderBy(a => a.UserId).Select(a => new Position(a.UserId, a.Balance, a.Held, a.Owed)).ToListAsync()));

    private static async Task<string> UserIdAsync(BrowserClient user) =>
        (await (await user.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString()!;

    private static async Task GrantAsync(BrowserClient admin, string userId, int amount, string reason) =>
        await (await admin.Http.PostAsJsonAsync($"/api/v1/admin/users/{userId}/credits", new { amount, reason })).EnsureStatusAsync(HttpStatusCode.OK);

    private static async Task<DateTimeOffset> ServerClockAsync(ScratchCluster cluster)
    {
        await using var conn = new NpgsqlConnection(cluster.ConnectionString("automl"));
        await conn.OpenAsync();
        await using var now = new NpgsqlCommand("SELECT clock_timestamp()", conn);
        return ((DateTime)(await now.ExecuteScalarAsync())!).ToUniversalTime();
    }

    /// <summary>The API on a cluster of the test's own instead of a database of the shared stack.</summary>
    private sealed class ClusterPlatform(string connectionString) : ApiFactory
    {
        protected override void ConfigurePlatform(IWebHostBuilder builder) => builder.UseSetting("ConnectionStrings:Postgres", connectionString);
    }

    /// <summary>infra/backup.sh and infra/restore.sh as an operator runs them, against the drill's cluster and folders.</summary>
    private sealed class BackupScripts(ScratchCluster cluster, string backups, string blobs)
    {
        private readonly string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        public string Run(string command, params string[] arguments)
        {
            Directory.CreateDirectory(blobs);
            var script = InfraScript.Locate(command == "restore" ? "restore.sh" : "backup.sh");
            string[] all = command == "restore" ? arguments : [command, .. arguments];
            return Command.Run(script, all, environment: new Dictionary<string, string?>
            {
                ["AUTOML_BACKUP_KEY"] = key,
                ["AUTOML_BACKUP_TO"] = "local",
                ["AUTOML_BACKUP_DIR"] = backups,
                ["Blobs__Provider"] = "local",
                ["Blobs__LocalRoot"] = blobs,
                ["ConnectionStrings__Postgres"] = cluster.ConnectionString("automl"),
            });
        }
    }
}
