using AutoMl.Web.Tests.Support;
using Xunit.Abstractions;

namespace AutoMl.Web.Tests;

/// <summary>
/// Every browser spec in web/e2e (one test case each), run in headless chromium against one platform.
/// A new spec file is picked up without a change here.
/// </summary>
[Collection(WebPlatformCollection.Name)]
public sealed class DashboardSpecs(WebPlatformFactory platform, ITestOutputHelper log)
{
    /// <summary>Specs that train models need longer than the rest (by file name prefix).</summary>
    private static readonly Dictionary<string, TimeSpan> Timeouts = new()
    {
        ["flow"] = TimeSpan.FromMinutes(10),
        ["train"] = TimeSpan.FromMinutes(8),
        ["models"] = TimeSpan.FromMinutes(8),
        ["model-download"] = TimeSpan.FromMinutes(8),
        ["registry"] = TimeSpan.FromMinutes(8),
        ["workflows"] = TimeSpan.FromMinutes(8),
        ["dataset-versions"] = TimeSpan.FromMinutes(8),
    };

    public static TheoryData<string> Specs()
    {
        var specs = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "web", "e2e"), "*.test.mjs").Order(StringComparer.Ordinal))
        {
            specs.Add(Path.GetFileName(file)[..^".test.mjs".Length]);
        }
        return specs;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task spec_passes_in_chromium(string spec)
    {
        // The credits spec pages through a history longer than one page, which only a seeded account has; the admin spec
        // needs an admin and users with held ad claims (one per viewport).
        var environment = spec switch
        {
            "credits" => await SeededAccount.WithLongHistoryAsync(platform, grants: 30),
            "admin" => await SeededAccount.ForAdminConsoleAsync(platform, users: 2),
            _ => null,
        };
        await NodeSpec.RunAsync(platform, spec, TimeoutOf(spec), log, environment);
    }

    private static TimeSpan TimeoutOf(string spec)
    {
        foreach (var (prefix, timeout) in Timeouts)
        {
            if (spec.StartsWith(prefix, StringComparison.Ordinal))
            {
                return timeout;
            }
        }
        return TimeSpan.FromMinutes(4);
    }
}
