using System.CommandLine;
using System.Globalization;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>
/// `automl endpoints monitoring`: per feature the model reads, how far the latest judged window is from training
/// (skew) and from the window before (drift), against the feature's lines; --window-hours and --threshold change them first.
/// </summary>
internal static class EndpointsMonitoringCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The endpoint's name." };
        var windowHours = new Option<int?>("--window-hours") { HelpName = "HOURS", Description = "Change how long a window lasts: 1 to 168 hours. Windows of the new length start after the last one judged." };
        var thresholds = new Option<string[]>("--threshold") { Description = FeatureThreshold.Help, HelpName = "FEATURE=WARN,ALERT" };
        thresholds.Validators.Add(result =>
        {
            foreach (var text in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!FeatureThreshold.TryParse(text, out _))
                {
                    result.AddError($"--threshold takes FEATURE=WARN,ALERT or FEATURE=default, e.g. glucose=0.15,0.3; got '{text}'.");
                }
            }
        });
        var command = new Command("monitoring", "Show an endpoint's drift per feature: Jensen-Shannon distance of the latest judged window from training (skew) and from the window before (drift), and its status.")
        {
            name, windowHours, thresholds,
        };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var endpoint = parse.GetValue(name)!;
            var changes = (parse.GetValue(thresholds) ?? []).Select(FeatureThreshold.Parse).ToList();
            var hours = parse.GetValue(windowHours);
            EndpointMonitoring monitoring;
            if (hours is null && changes.Count == 0)
            {
                monitoring = await client.Endpoints.GetMonitoringAsync(endpoint, cancellationToken: ct);
            }
            else
            {
                var current = changes.Count == 0 ? null : (await client.Endpoints.GetMonitoringAsync(endpoint, 1, ct)).Thresholds;
                monitoring = await client.Endpoints.UpdateMonitoringAsync(endpoint, new EndpointMonitoringUpdate
                {
                    WindowHours = hours,
                    Thresholds = current is null ? null : FeatureThreshold.Apply(current, changes),
                }, ct);
            }
            if (output.IsJson)
            {
                Output.Document(monitoring);
                return ExitCodes.Ok;
            }
            Print(output, endpoint, monitoring);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Print(Output output, string endpoint, EndpointMonitoring m)
    {
        var own = m.Thresholds.Count == 0 ? string.Empty : $" (own lines: {string.Join(", ", m.Thresholds.Keys)})";
        output.Line(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{endpoint}: {(m.Version is { } v ? $"version {v}" : "no version")}, windows of {m.WindowHours} h; lines: warn {m.Warn}, alert {m.Alert}{own}")));
        if (m.Baselines.Count == 0)
        {
            output.Line(m.Version is null
                ? "No baselines: the endpoint's alias names no version."
                : "No baselines: this version was trained before models kept one; a version trained now has them.");
            return;
        }
        var judged = m.Windows.LastOrDefault(w => !w.Skipped);
        output.Line(Markup.Escape(judged is null
            ? $"No window judged yet: a window is judged once it has closed with 500 rows or more{(m.Windows.Count > 0 ? $" (the latest had {m.Windows[^1].Rows})" : string.Empty)}."
            : $"latest judged window: {RegisteredModelsCommand.Date(judged.Start)} to {RegisteredModelsCommand.Date(judged.End)} UTC, {judged.Rows} rows"));
        var features = judged?.Features.ToDictionary(f => f.Feature) ?? [];
        var table = new Table().AddColumn(new TableColumn("feature").NoWrap()).AddColumns("kind", "skew", "drift", "status", "warn", "alert");
        foreach (var b in m.Baselines)
        {
            var f = features.GetValueOrDefault(b.Feature);
            var lines = m.Thresholds.GetValueOrDefault(b.Feature);
            table.AddRow(Markup.Escape(b.Feature), Markup.Escape(b.Kind), Distance(f?.Skew), Distance(f?.Drift), Status(f?.Level),
                Line(lines?.Warn ?? m.Warn), Line(lines?.Alert ?? m.Alert));
        }
        Output.Table(table);
        var unread = m.Thresholds.Keys.Where(k => m.Baselines.All(b => b.Feature != k)).ToList();
        if (unread.Count > 0)
        {
            output.Line(Markup.Escape($"own lines for columns version {m.Version} does not read: {string.Join(", ", unread)}"));
        }
    }

    private static string Distance(double? d) => d is { } value ? value.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    private static string Line(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Status(string? level) => level switch
    {
        null => "not judged",
        MonitoringLevels.Ok => "[green]ok[/]",
        MonitoringLevels.Warn => "[yellow]warn[/]",
        MonitoringLevels.Alert => "[red]alert[/]",
        var other => Markup.Escape(other),
    };
}
