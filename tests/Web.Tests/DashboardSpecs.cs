using AutoMl.Web.Tests.Support;
using Xunit.Abstractions;

namespace AutoMl.Web.Tests;

/// <summary>
/// Every browser spec in web/e2e (one test case each), run in headless chromium, half of them on each of two platforms
/// that run side by side (<see cref="SpecLanes"/>). A new spec file is picked up without a change here.
/// </summary>
[Collection(WebPlatformCollection.Name)]
public sealed class DashboardSpecs(WebPlatformFactory platform, ITestOutputHelper log) : DashboardSpecRunner(platform, log)
{
    public static TheoryData<string> Specs() => SpecsOfLane(0);

    [Theory]
    [MemberData(nameof(Specs))]
    public Task spec_passes_in_chromium(string spec) => RunAsync(spec);
}

/// <summary>The other half of the browser specs, on the second platform.</summary>
[Collection(SecondWebPlatformCollection.Name)]
public sealed class DashboardSpecsSecondLane(WebPlatformFactory platform, ITestOutputHelper log) : DashboardSpecRunner(platform, log)
{
    public static TheoryData<string> Specs() => SpecsOfLane(1);

    [Theory]
    [MemberData(nameof(Specs))]
    public Task spec_passes_in_chromium(string spec) => RunAsync(spec);
}

/// <summary>Runs one spec file of web/e2e with node against the lane's platform.</summary>
public abstract class DashboardSpecRunner(WebPlatformFactory platform, ITestOutputHelper log)
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

    protected static TheoryData<string> SpecsOfLane(int lane)
    {
        var all = Directory.GetFiles(Path.Combine(Repo.Root, "web", "e2e"), "*.test.mjs")
            .Select(file => Path.GetFileName(file)[..^".test.mjs".Length])
            .Order(StringComparer.Ordinal)
            .ToList();
        var lanes = SpecLanes.Assign(all);
        var specs = new TheoryData<string>();
        foreach (var spec in all.Where(s => lanes[s] == lane))
        {
            specs.Add(spec);
        }
        return specs;
    }

    protected async Task RunAsync(string spec)
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
