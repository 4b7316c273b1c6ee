using System.Text.Json;
using Spectre.Console;

namespace AutoMl.Cli;

/// <summary>Human output through Spectre.Console, or with --json exactly one JSON document on stdout and no colours.</summary>
internal sealed class Output(bool json)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Output for scripts and people, never embedded in HTML: keep quotes and backticks readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public bool IsJson => json;

    /// <summary>Progress bars only for a person at a terminal; CI logs get the final lines only.</summary>
    public bool ShowsProgress => !json && !Console.IsOutputRedirected;

    public static void Document(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    public static void Table(Table table)
    {
        FitPipe();
        AnsiConsole.Write(table);
    }

    public void Line(string markup)
    {
        if (!json)
        {
            FitPipe();
            AnsiConsole.MarkupLine(markup);
        }
    }

    public int Fail(int exitCode, string title, string? detail, object? extra = null)
    {
        if (json)
        {
            Document(new { error = new { exitCode, title, detail }, result = extra });
        }
        else
        {
            Console.Error.WriteLine(detail is null ? $"automl: {title}" : $"automl: {title}: {detail}");
        }
        return exitCode;
    }

    /// <summary>Piped into a file or grep, a line or table row stays on one line instead of wrapping at the 80 columns assumed without a terminal.</summary>
    private static void FitPipe()
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 240;
        }
    }
}
