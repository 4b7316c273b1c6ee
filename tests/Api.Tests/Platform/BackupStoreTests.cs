using System.Security.Cryptography;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Platform;

/// <summary>
/// infra/backup.sh's store in both places it writes to: a local folder and S3 (s3rver, which does not check
/// signatures; the SigV4 signing of curl was checked by hand against a reference computation), where files over the
/// part size are stored in parts. No Postgres here: the WAL calls are Postgres's archive_command and restore_command
/// made directly.
/// </summary>
public sealed class BackupStoreTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("automl-backup-store-").FullName;
    private readonly string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string prefix = $"backups-test-{Guid.NewGuid():N}";

    [Theory]
    [InlineData("local")]
    [InlineData("s3")]
    public void an_archived_wal_file_comes_back_byte_for_byte_only_with_the_key_and_is_never_overwritten(string target)
    {
        var segment = Path.Combine(folder, "segment");
        File.WriteAllBytes(segment, RandomNumberGenerator.GetBytes(256 * 1024));
        const string name = "000000010000000000000005";

        Backup(target, "wal", segment, name);
        Backup(target, "wal", segment, name); // offered again after a crash: accepted, the same bytes
        var other = Path.Combine(folder, "other");
        File.WriteAllBytes(other, RandomNumberGenerator.GetBytes(1024));
        Assert.Contains("refusing to overwrite", Backup(target, expectExit: 1, "wal", other, name).Error, StringComparison.Ordinal);

        var back = Path.Combine(folder, "back");
        Backup(target, "wal-get", name, back);
        Assert.Equal(File.ReadAllBytes(segment), File.ReadAllBytes(back));
        // Not archived: Postgres's restore_command must answer 1 (end of the archive), not fail loudly.
        Assert.Equal(1, Execute(target, key, "wal-get", "000000010000000000000006", Path.Combine(folder, "none")).ExitCode);
        var wrongKey = Execute(target, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), "wal-get", name, Path.Combine(folder, "wrong"));
        Assert.NotEqual(0, wrongKey.ExitCode);
        Assert.Contains("does not decrypt", wrongKey.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder, "wrong*"));
        Assert.DoesNotContain(key, wrongKey.Output + wrongKey.Error, StringComparison.Ordinal);
        if (target == "local")
        {
            var stored = File.ReadAllBytes(Path.Combine(folder, "backups", "postgres", "wal", name + ".gpg"));
            Assert.Equal(0x8c, stored[0]); // an OpenPGP symmetric-key packet: encrypted at rest
        }
    }

    [Theory]
    [InlineData("local")]
    [InlineData("s3")]
    public void retention_drops_what_is_older_than_the_window_but_keeps_the_base_backup_and_wal_the_window_starts_from(string target)
    {
        // Base backups are named <end>_<first WAL segment>: 40, 20 and 1 days old.
        string Stamp(int daysAgo) => DateTime.UtcNow.AddDays(-daysAgo).ToString("yyyyMMdd'T'HHmmss'.000000Z'", System.Globalization.CultureInfo.InvariantCulture);
        var placeholder = Path.Combine(folder, "placeholder");
        File.WriteAllText(placeholder, "x");
        string[] backups = [$"{Stamp(40)}_000000010000000000000002", $"{Stamp(20)}_000000010000000000000010", $"{Stamp(1)}_000000010000000000000020"];
        foreach (var backup in backups)
        {
            Put(target, $"postgres/base/{backup}/base.tar.gpg", placeholder);
        }
        foreach (var wal in new[] { "000000010000000000000001", "000000010000000000000002", "00000001000000000000000F", "000000010000000000000015", "00000002.history" })
        {
            Put(target, $"postgres/wal/{wal}.gpg", placeholder);
        }
        Put(target, $"blobs/{Stamp(31)}/blobs.tar.gpg", placeholder);
        Put(target, $"blobs/{Stamp(2)}/blobs.tar.gpg", placeholder);

        Backup(target, "prune", "--retention-days", "15");

        var listed = Backup(target, "list").Output;
        // 15 days back: the 20-day-old backup is the one that window starts from; the 40-day-old one and its WAL go.
        Assert.DoesNotContain(backups[0], listed, StringComparison.Ordinal);
        Assert.Contains(backups[1], listed, StringComparison.Ordinal);
        Assert.Contains(backups[2], listed, StringComparison.Ordinal);
        Assert.Contains("archived WAL: 2 file(s), 000000010000000000000015.gpg .. 00000002.history.gpg", listed, StringComparison.Ordinal);
        Assert.Contains("blob copies: 1", listed, StringComparison.Ordinal);
    }

    private void Put(string target, string name, string file)
    {
        if (target == "local")
        {
            var path = Path.Combine(folder, "backups", name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(file, path);
        }
        else
        {
            // Through the script's own S3 client (store_put), as backup.sh base stores its files.
            Assert.Equal(0, Command.Execute("bash", ["-c", $"source '{InfraScript.Locate("backup-store.sh")}' && resolve_target && store_put \"$1\" \"$2\"", "put", name, file],
                environment: Environment(target, key)).ExitCode);
        }
    }

    private Command.Result Backup(string target, params string[] arguments) => Backup(target, 0, arguments);

    private Command.Result Backup(string target, int expectExit, params string[] arguments)
    {
        var result = Execute(target, key, arguments);
        Assert.True(result.ExitCode == expectExit, $"backup.sh {string.Join(' ', arguments)} exited with {result.ExitCode}:\n{result.Error}");
        return result;
    }

    private Command.Result Execute(string target, string withKey, params string[] arguments) =>
        Command.Execute(InfraScript.Locate("backup.sh"), arguments, environment: Environment(target, withKey));

    private Dictionary<string, string?> Environment(string target, string withKey) => new()
    {
        ["AUTOML_BACKUP_KEY"] = withKey,
        ["AUTOML_BACKUP_TO"] = target,
        ["AUTOML_BACKUP_DIR"] = Path.Combine(folder, "backups"),
        ["AUTOML_BACKUP_S3_PREFIX"] = prefix,
        // Small parts, so a 256 KiB file takes the path of a base backup over S3's 5 GiB single-upload limit.
        ["AUTOML_BACKUP_S3_PART_BYTES"] = "100000",
        ["Blobs__S3__ServiceUrl"] = System.Environment.GetEnvironmentVariable("AUTOML_TEST_S3_URL")
            ?? throw new InvalidOperationException("AUTOML_TEST_S3_URL is not set: run ./test.sh, which starts s3rver."),
        ["Blobs__S3__Bucket"] = "automl",
        ["Blobs__S3__AccessKey"] = "S3RVER",
        ["Blobs__S3__SecretKey"] = "S3RVER",
    };

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
