using System.Text.Json;
using AutoMl.Sdk.Tests.Support;

namespace AutoMl.Sdk.Tests;

/// <summary>Issue 29: the AutoMl.Runtime package, installed offline into a fresh project, predicts what the API predicts.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RuntimePackageTests(SdkPlatformFactory platform) : IDisposable
{
    // A version of its own per run, so the global packages folder never serves a copy packed earlier.
    private readonly string version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("automl-runtime-");

    [Fact]
    public async Task packed_runtime_installed_offline_in_a_fresh_project_predicts_a_held_out_file_as_the_api_does()
    {
        var pima = new HeldOutPima(root.FullName, heldOut: 40);
        using var client = await platform.NewUserClientAsync();
        var dataset = await client.Datasets.WaitUntilSettledAsync((await client.Datasets.UploadFileAsync(pima.TrainingFile)).Id);
        var job = await client.Jobs.WaitForCompletionAsync((await client.Jobs.SubmitAsync(new JobRequest { DatasetId = dataset.Id, Target = "diabetes", BudgetSeconds = 10 })).Id);
        Assert.Equal(JobStatuses.Succeeded, job.Status);
        var bundle = Path.Combine(root.FullName, "model.automl");
        await using (var file = File.Create(bundle))
        {
            await client.Models.DownloadAsync(job.ModelId!.Value, file);
        }
        var api = await client.Models.PredictAsync(job.ModelId!.Value, pima.Rows);

        var feed = Path.Combine(root.FullName, "feed");
        await Shell.MustAsync("dotnet", $"pack src/Runtime/AutoMl.Runtime.csproj -c Release -o \"{feed}\" -p:Version={version}", Data.RepositoryRoot, timeout: TimeSpan.FromMinutes(5));
        var app = Directory.CreateDirectory(Path.Combine(root.FullName, "app")).FullName;
        // Offline: the packed folder and the machine's package cache (a folder feed of every package restored here); no registry.
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="cache" value="{PackageCache}" />
              </packageSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Directory.Build.props"), "<Project />");
        await File.WriteAllTextAsync(Path.Combine(app, "Directory.Packages.props"), "<Project />");
        await Shell.MustAsync("dotnet", "new console --framework net10.0 --name App --output . --no-restore", app);
        await Shell.MustAsync("dotnet", $"add package AutoMl.Runtime --version {version}", app, timeout: TimeSpan.FromMinutes(5));
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
            using System.Text.Json;
            using AutoMl.Runtime;

            var model = AutoMlModel.Load(args[0]);
            await using var csv = File.OpenRead(args[1]);
            var fromCsv = await model.PredictCsvAsync(csv);
            var first = new Dictionary<string, object?> { ["pregnant"] = 6.0, ["glucose"] = 148.0, ["pressure"] = 72.0, ["triceps"] = 35.0, ["mass"] = 33.6, ["pedigree"] = 0.627, ["age"] = 50.0 };
            var fromDictionary = model.Predict(first, explain: true);
            var fromTyped = model.Predict(new Patient { Pregnant = 6, Glucose = 148, Pressure = 72, Triceps = 35, Mass = 33.6, Pedigree = 0.627, Age = 50 });
            var onnxBytes = model.ToOnnx().Length;
            Console.WriteLine(JsonSerializer.Serialize(new { model.Task, model.Classes, fromCsv, fromDictionary, fromTyped, onnxBytes }));

            public sealed class Patient
            {
                public double Pregnant { get; init; }
                public double Glucose { get; init; }
                public double Pressure { get; init; }
                public double Triceps { get; init; }
                public double? Insulin { get; init; }
                public double Mass { get; init; }
                public double Pedigree { get; init; }
                public double Age { get; init; }
            }
            """);
        await Shell.MustAsync("dotnet", "build -c Release", app, timeout: TimeSpan.FromMinutes(5));
        var run = await Shell.MustAsync("dotnet", $"bin/Release/net10.0/App.dll \"{bundle}\" \"{pima.HeldOutFile}\"", app);

        using var output = JsonDocument.Parse(run.Stdout);
        Assert.Equal("binary", output.RootElement.GetProperty("Task").GetString());
        Assert.Equal(["neg", "pos"], output.RootElement.GetProperty("Classes").EnumerateArray().Select(c => c.GetString()));
        var offline = output.RootElement.GetProperty("fromCsv").EnumerateArray().ToList();
        Assert.Equal(api.Count, offline.Count);
        for (var i = 0; i < api.Count; i++)
        {
            Assert.Equal(api[i].Label, offline[i].GetProperty("Label").GetString());
            Assert.Equal(api[i].Probabilities!["pos"], offline[i].GetProperty("Probabilities").GetProperty("pos").GetDouble(), 1e-6);
        }

        var row = (await client.Models.PredictAsync(job.ModelId!.Value, [PimaRows.Features(1)[0]]))[0];
        var dictionary = output.RootElement.GetProperty("fromDictionary");
        var typed = output.RootElement.GetProperty("fromTyped");
        Assert.Equal(row.Probabilities!["pos"], dictionary.GetProperty("Probabilities").GetProperty("pos").GetDouble(), 1e-6);
        Assert.Equal(row.Probabilities!["pos"], typed.GetProperty("Probabilities").GetProperty("pos").GetDouble(), 1e-6);
        Assert.True(output.RootElement.GetProperty("onnxBytes").GetInt32() > 1000, "the runtime writes the ONNX graph offline too");
        var shap = dictionary.GetProperty("Shap").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        Assert.Contains("glucose", shap.Keys);
        Assert.NotEqual(0, shap["glucose"]);
    }

    private static string PackageCache => Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public void Dispose()
    {
        root.Delete(recursive: true);
        var cached = new DirectoryInfo(Path.Combine(PackageCache, "automl.runtime", version));
        if (cached.Exists)
        {
            cached.Delete(recursive: true);
        }
    }
}
