using AutoMl.Ml.Data;
using DuckDB.NET.Data;

namespace AutoMl.Ml.Tests;

/// <summary>Every DuckDB the engine opens reads only the files of its own task and cannot be reconfigured.</summary>
public class DuckDbSandboxTests
{
    [Fact]
    public void duckdb_cannot_read_outside_the_ingest_files()
    {
        var work = Directory.CreateTempSubdirectory("automl-sandbox-work-");
        var elsewhere = Directory.CreateTempSubdirectory("automl-sandbox-other-");
        try
        {
            var upload = Path.Combine(work.FullName, "upload.csv");
            File.WriteAllText(upload, "a,b\n1,2\n3,4\n");
            var secret = Path.Combine(elsewhere.FullName, "secret.csv");
            File.WriteAllText(secret, "password,hash\nhunter2,x\n");
            using var session = new DuckDbSession(new IngestOptions { TempDirectory = Path.Combine(work.FullName, "spill") }, [upload]);

            Assert.Equal(2L, Convert.ToInt64(session.Scalar($"SELECT count(*) FROM read_csv({DuckDbSession.Quote(upload)})"), System.Globalization.CultureInfo.InvariantCulture));
            foreach (var attack in new[]
            {
                $"SELECT * FROM read_csv({DuckDbSession.Quote(secret)})",
                $"SELECT * FROM read_csv({DuckDbSession.Quote(Path.Combine(work.FullName, "..", Path.GetFileName(elsewhere.FullName), "secret.csv"))})",
                "SELECT * FROM read_text('/etc/passwd')",
                $"COPY (SELECT 1) TO {DuckDbSession.Quote(Path.Combine(elsewhere.FullName, "dropped.csv"))}",
                $"ATTACH {DuckDbSession.Quote(Path.Combine(elsewhere.FullName, "other.duckdb"))}",
                "SELECT * FROM read_csv('http://127.0.0.1:9/data.csv')",
                "INSTALL httpfs",
                "SET enable_external_access = true",
                "SET allowed_directories = ['/']",
                "SET max_temp_directory_size = '1TB'",
            })
            {
                Assert.ThrowsAny<DuckDBException>(() => session.Execute(attack));
            }
            Assert.False(File.Exists(Path.Combine(elsewhere.FullName, "dropped.csv")));
        }
        finally
        {
            work.Delete(recursive: true);
            elsewhere.Delete(recursive: true);
        }
    }

    [Fact]
    public void a_query_that_spills_past_the_temp_cap_fails_and_the_spill_folder_stays_under_it()
    {
        var work = Directory.CreateTempSubdirectory("automl-sandbox-spill-");
        try
        {
            var spill = Path.Combine(work.FullName, "spill");
            using var session = new DuckDbSession(new IngestOptions { TempDirectory = spill, MemoryLimit = "64MB", MaxTempDirectorySize = "32MB", Threads = 1 }, []);

            var error = Assert.ThrowsAny<DuckDBException>(() =>
                session.Execute("CREATE TABLE big AS SELECT i, repeat('x', 100) AS s FROM range(3000000) t(i) ORDER BY random()"));

            Assert.Contains("used", error.Message, StringComparison.Ordinal);
            var spilled = Directory.Exists(spill) ? Directory.EnumerateFiles(spill, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;
            Assert.True(spilled <= 32L * 1024 * 1024, $"The spill folder holds {spilled:N0} bytes.");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
