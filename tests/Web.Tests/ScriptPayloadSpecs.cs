using AutoMl.Web.Tests.Support;
using Xunit.Abstractions;

namespace AutoMl.Web.Tests;

/// <summary>
/// The stored XSS attack on the dashboard: a data set whose labels, column names and file name are HTML payloads
/// (web/e2e/attacks/script-payloads.test.mjs), opened on every page that shows them, charts hovered.
/// </summary>
[Collection(WebPlatformCollection.Name)]
public sealed class ScriptPayloadSpecs(WebPlatformFactory platform, ITestOutputHelper log)
{
    [Fact]
    public Task labels_and_column_names_with_script_payloads_run_no_script() =>
        NodeSpec.RunAsync(platform, "attacks/script-payloads", TimeSpan.FromMinutes(8), log);
}
