using AutoMl.Ml.Data;

namespace AutoMl.Ml.Tests;

/// <summary>Finds tests/data/ml from the test binaries and gives each test its own scratch folder.</summary>
public static class TestData
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", "ml");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/data/ml not found above " + AppContext.BaseDirectory);
    });

    public static string File(string name) => Path.Combine(Root.Value, name);

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "automl-ml-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static async Task<IngestResult> IngestAsync(string csvPath)
    {
        var parquet = Path.Combine(NewFolder(), Path.GetFileNameWithoutExtension(csvPath) + ".parquet");
        return await TabularReader.IngestAsync(csvPath, parquet);
    }

    public static async Task<IngestResult> IngestTextAsync(string content, string fileName = "upload.csv")
    {
        var path = Path.Combine(NewFolder(), fileName);
        await System.IO.File.WriteAllTextAsync(path, content);
        return await IngestAsync(path);
    }
}
