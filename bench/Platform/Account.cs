using System.Diagnostics;

namespace AutoMl.Bench.Platform;

/// <summary>A fresh account with an API key, made admin by the API's own command so it can grant itself credits, and a ready data set.</summary>
internal static class Account
{
    public const long Credits = 100_000;

    public static async Task<BenchState> CreateAsync(BenchSettings settings, PlatformClient client)
    {
        var email = $"bench-{Guid.NewGuid():N}@example.com";
        var password = $"bench passphrase {Guid.NewGuid():N}";
        var userId = await client.SignUpAsync(email, password);
        await client.CreateApiKeyAsync();
        await GrantAdminRoleAsync(settings.ApiDll, email);
        await client.LogInAsync(email, password);
        await client.GrantCreditsAsync(userId, Credits);
        var dataset = await client.UploadAsync(settings.Dataset);
        await client.WaitDatasetReadyAsync(dataset, TimeSpan.FromMinutes(3));
        return new BenchState(email, password, userId, client.ApiKey!, dataset, [], []);
    }

    private static async Task GrantAdminRoleAsync(string apiDll, string email)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(apiDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { apiDll, "admin", "grant-role", email })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("admin grant-role did not finish within 2 minutes.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"admin grant-role exited with {process.ExitCode}: {await output}{await errors}");
        }
    }
}
