using System.Diagnostics;
using System.Text.Json;
using AutoMl.Ml.Bundle;
using AutoMl.Ml.Serialization;

namespace AutoMl.Ml.Tests;

/// <summary>
/// The test assembly's entry point: `dotnet AutoMl.Ml.Tests.dll predict BUNDLE ROWS.json OUT.json` loads a
/// bundle in a process that never trained it and writes its predictions, for the round-trip test.
/// </summary>
public static class FreshProcess
{
    public static int Main(string[] args)
    {
        if (args.Length != 4 || args[0] != "predict")
        {
            Console.Error.WriteLine("usage: predict BUNDLE ROWS.json OUT.json");
            return 2;
        }

        var bundle = ModelBundle.Load(args[1]);
        var rows = JsonSerializer.Deserialize<List<Dictionary<string, object?>>>(File.ReadAllText(args[2]), MlJson.Options)!;
        var predictions = rows.Select(r => bundle.Predict(r, explain: true)).ToList();
        File.WriteAllText(args[3], JsonSerializer.Serialize(predictions, MlJson.Options));
        return 0;
    }

    public static async Task<string> PredictAsync(string bundlePath, string rowsPath)
    {
        var output = Path.Combine(Path.GetDirectoryName(rowsPath)!, "fresh-predictions.json");
        var assembly = typeof(FreshProcess).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", ["exec", assembly, "predict", bundlePath, rowsPath, output])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return await File.ReadAllTextAsync(output);
    }
}
