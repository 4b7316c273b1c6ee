using System.CommandLine;
using System.Net;
using AutoMl.Sdk;

namespace AutoMl.Cli;

/// <summary>What every command shares: the --json option, the client from the saved login, and exceptions turned into exit codes.</summary>
internal static class CliRunner
{
    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print one JSON document on stdout instead of text, without colours or progress bars.",
        Recursive = true,
    };

    public static Func<ParseResult, CancellationToken, Task<int>> WithClient(Func<AutoMlClient, Output, ParseResult, CancellationToken, Task<int>> action) =>
        async (parse, ct) =>
        {
            var output = new Output(parse.GetValue(Json));
            var config = CliConfig.Load();
            if (string.IsNullOrEmpty(config.ApiKey))
            {
                return output.Fail(ExitCodes.NotLoggedIn, "Not logged in", "Run `automl login` or set AUTOML_API_KEY.");
            }
            using var client = new AutoMlClient(new AutoMlClientOptions
            {
                BaseAddress = new Uri(config.Url ?? CliConfig.DefaultUrl),
                ApiKey = config.ApiKey,
            });
            return await Guard(output, () => action(client, output, parse, ct)).ConfigureAwait(false);
        };

    public static async Task<int> Guard(Output output, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (InsufficientCreditsException e)
        {
            return output.Fail(ExitCodes.InsufficientCredits, e.Title, e.Detail);
        }
        catch (RateLimitedException e)
        {
            return output.Fail(ExitCodes.RateLimited, e.Title, e.RetryAfter is { } wait ? $"{e.Detail} Retry after {wait.TotalSeconds:0} s." : e.Detail);
        }
        catch (AutoMlApiException e) when (e.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return output.Fail(ExitCodes.NotLoggedIn, e.Title, e.Detail ?? "The API key was refused: run `automl login` again.");
        }
        catch (AutoMlApiException e) when (e is { StatusCode: HttpStatusCode.UnprocessableEntity, Code: not null })
        {
            // A problem with the data names itself by a code, so scripts can tell it from other refusals.
            var advice = e.Overridable ? " To train anyway, run the same command with --force." : string.Empty;
            return output.Fail(ExitCodes.DataError, e.Title, e.Detail + advice, new { code = e.Code, overridable = e.Overridable });
        }
        catch (AutoMlApiException e)
        {
            var fields = e.Errors.Count == 0 ? string.Empty : " " + string.Join(" ", e.Errors.SelectMany(f => f.Value.Select(m => $"{f.Key}: {m}")));
            return output.Fail(ExitCodes.Error, e.Title, (e.Detail ?? string.Empty) + fields);
        }
        catch (HttpRequestException e)
        {
            return output.Fail(ExitCodes.Error, "Cannot reach the API", e.Message);
        }
        catch (OperationCanceledException)
        {
            return output.Fail(ExitCodes.Cancelled, "Interrupted", null);
        }
        catch (IOException e)
        {
            return output.Fail(ExitCodes.Error, "File error", e.Message);
        }
    }
}
