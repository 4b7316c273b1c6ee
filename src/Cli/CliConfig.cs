using System.Text.Json;

namespace AutoMl.Cli;

/// <summary>
/// The base URL and API key: AUTOML_URL and AUTOML_API_KEY win (CI sets secrets as variables), otherwise the file
/// `automl login` wrote under the user's config directory (AUTOML_CONFIG_DIR moves it, for tests and sandboxes).
/// </summary>
internal sealed record CliConfig(string? Url, string? ApiKey)
{
    public const string DefaultUrl = "https://api.automl.example/";

    public static string Directory =>
        Environment.GetEnvironmentVariable("AUTOML_CONFIG_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create), "automl");

    public static string FilePath => Path.Combine(Directory, "config.json");

    public static CliConfig Load()
    {
        var saved = File.Exists(FilePath) ? JsonSerializer.Deserialize<CliConfig>(File.ReadAllText(FilePath), JsonSerializerOptions.Web) : null;
        return new CliConfig(
            Environment.GetEnvironmentVariable("AUTOML_URL") is { Length: > 0 } url ? url : saved?.Url,
            Environment.GetEnvironmentVariable("AUTOML_API_KEY") is { Length: > 0 } key ? key : saved?.ApiKey);
    }

    public void Save()
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(FilePath, JsonSerializer.Serialize(this, JsonSerializerOptions.Web));
        if (!OperatingSystem.IsWindows())
        {
            // The file holds a secret: readable by its owner only.
            File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
