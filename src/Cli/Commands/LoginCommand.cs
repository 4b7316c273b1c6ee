using System.CommandLine;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

internal static class LoginCommand
{
    public static Command Create()
    {
        var key = new Option<string?>("--api-key") { Description = "The API key (aml_…); asked for when absent, or taken from AUTOML_API_KEY." };
        var url = new Option<string?>("--url") { Description = $"The API's address; default AUTOML_URL or {CliConfig.DefaultUrl}." };
        var command = new Command("login", $"Check an API key and save it with the URL in {CliConfig.FilePath}.") { key, url };
        command.SetAction(async (parse, ct) =>
        {
            var output = new Output(parse.GetValue(CliRunner.Json));
            var current = CliConfig.Load();
            var apiKey = parse.GetValue(key) ?? current.ApiKey;
            if (string.IsNullOrEmpty(apiKey))
            {
                if (output.IsJson || Console.IsInputRedirected)
                {
                    return output.Fail(ExitCodes.Usage, "No API key", "Pass --api-key or set AUTOML_API_KEY.");
                }
                apiKey = await AnsiConsole.PromptAsync(new TextPrompt<string>("API key:").Secret(), ct);
            }
            var config = new CliConfig(parse.GetValue(url) ?? current.Url ?? CliConfig.DefaultUrl, apiKey);
            return await CliRunner.Guard(output, async () =>
            {
                using var client = new AutoMlClient(new AutoMlClientOptions { BaseAddress = new Uri(config.Url!), ApiKey = apiKey });
                var credits = await client.Credits.GetBalanceAsync(ct);
                var key = await client.ApiKeys.GetCurrentAsync(ct);
                config.Save();
                if (output.IsJson)
                {
                    Output.Document(new { url = config.Url, configFile = CliConfig.FilePath, credits.Available, key = new { key.Name, key.Prefix, key.Scope } });
                }
                else
                {
                    output.Line($"Logged in to [bold]{Markup.Escape(config.Url!)}[/] with the key '{Markup.Escape(key.Name)}' ({ScopeMeaning(key.Scope)}); " +
                        $"{credits.Available} credits available. Saved to {Markup.Escape(CliConfig.FilePath)}.");
                }
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    /// <summary>Keys are made on the dashboard; saying what this one may do saves a surprise 403 mid-pipeline.</summary>
    private static string ScopeMeaning(string scope) => scope switch
    {
        ApiKeyScopes.Read => "read scope: it can read, not upload, train or predict",
        ApiKeyScopes.Train => "train scope: it can upload, train and predict, not delete",
        ApiKeyScopes.Full => "full scope: it can also delete and rename",
        _ => $"{Markup.Escape(scope)} scope",
    };
}
