using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Events;

namespace AutoMl.Api.Tests.Platform;

/// <summary>
/// docs/openapi/v1.json is what the dashboard's TypeScript types are generated from (web: npm run gen), so it must
/// be exactly what the API serves: an endpoint or record changed without it would leave the dashboard on old shapes.
/// </summary>
public sealed class OpenApiDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string UpdateVariable = "AUTOML_UPDATE_OPENAPI";

    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        // The summaries hold quotes and apostrophes: kept readable in the committed file.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public async Task the_committed_openapi_document_matches_what_the_api_serves()
    {
        var served = Normalise(JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!);
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi", "v1.json");
        var expected = served.ToJsonString(Pretty).ReplaceLineEndings("\n") + "\n";

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, expected);
            return;
        }

        var committed = File.Exists(path) ? Normalise(JsonNode.Parse(await File.ReadAllTextAsync(path))!).ToJsonString(Pretty) : "(missing)";
        Assert.True(
            committed.ReplaceLineEndings("\n") + "\n" == expected,
            $"docs/openapi/v1.json differs from what GET /openapi/v1.json serves. If the API change is intended, rewrite it with: " +
            $"{UpdateVariable}=1 dotnet test tests/Api.Tests -c Release --filter \"FullyQualifiedName~OpenApiDocumentTests\" " +
            "and commit it (web/src/api's types are generated from it).");
    }

    [Fact]
    public async Task every_live_event_type_has_a_schema_of_its_data_and_the_envelope_is_described()
    {
        var schemas = JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!;

        var byType = schemas["EventDataByType"]!["properties"]!.AsObject();
        Assert.Equal(PlatformEventTypes.Records.Keys.Order(StringComparer.Ordinal), byType.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var (type, record) in PlatformEventTypes.Records)
        {
            Assert.Equal($"#/components/schemas/{record.Name}", (string?)byType[type]!["$ref"]);
            Assert.NotEmpty(schemas[record.Name]!["properties"]!.AsObject());
        }

        Assert.Equal(["seq", "type", "jobId", "data", "at"], schemas["EventMessage"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.True(schemas["TrialCompleted"]!["properties"]!.AsObject().ContainsKey("bestScore"), "a trial's event carries the best score so far");
    }

    /// <summary>The servers list names the host that asked (localhost here), which no client should depend on.</summary>
    private static JsonNode Normalise(JsonNode document)
    {
        document.AsObject().Remove("servers");
        return document;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AutoMl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No AutoMl.sln above {AppContext.BaseDirectory}.");
    }
}
