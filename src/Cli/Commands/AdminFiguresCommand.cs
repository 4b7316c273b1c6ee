using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl admin figures`: the platform per UTC day, one row a day.</summary>
internal static class AdminFiguresCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from") { Description = "The first day, yyyy-MM-dd; default 29 days before --to." };
        var to = new Option<string?>("--to") { Description = "The last day, yyyy-MM-dd; default today (UTC). At most 366 days in all." };
        var command = new Command("figures", "The platform per UTC day: sign-ups, active users, jobs, credits in and out, revenue, queue and failures.") { from, to };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            if (!TryDay(parse.GetValue(from), out var first) || !TryDay(parse.GetValue(to), out var last))
            {
                return output.Fail(ExitCodes.Usage, "Bad date", "Write days as yyyy-MM-dd, like 2026-12-01.");
            }
            var figures = await client.Admin.GetFiguresAsync(first, last, ct);
            if (output.IsJson)
            {
                Output.Document(figures);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("day", "sign-ups", "active", "jobs (ok/failed/cancelled)", "credits in", "credits out", "revenue", "queue at end", "p95 wait", "failures");
            foreach (var d in figures.Days)
            {
                table.AddRow(
                    d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Number(d.SignUps),
                    Number(d.ActiveUsers),
                    $"{d.Jobs.Submitted} ({d.Jobs.Succeeded}/{d.Jobs.Failed}/{d.Jobs.Cancelled})",
                    Number(d.Credits.Sum(c => c.In)),
                    Number(d.Credits.Sum(c => c.Out)),
                    Markup.Escape(string.Join(", ", d.Revenue.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.AmountCents / 100.0:0.00} {r.Currency}")))),
                    Number(d.Queue.DepthAtEnd),
                    d.Queue.P95WaitSeconds is { } wait ? string.Create(CultureInfo.InvariantCulture, $"{wait:0.#} s") : "",
                    Number(d.Failures.Jobs + d.Failures.Datasets));
            }
            Output.Table(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }
        return false;
    }
}
