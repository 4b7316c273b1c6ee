using System.CommandLine;
using System.Globalization;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl endpoints`: stable names that predict with an alias of a registered model; predictions are in <see cref="EndpointsPredictCommand"/>, drift in <see cref="EndpointsMonitoringCommand"/>.</summary>
internal static class EndpointsCommand
{
    public static Command Create() => new("endpoints", "Predict through a stable name that follows an alias of a registered model.")
    {
        List(), CreateCommand(), Show(), EndpointsUpdateCommand.Create(),
        DeleteCommand.Create("endpoint", "Delete an endpoint and the feedback sent to it; the registered model stays. Needs a full-scope key.", (client, name, ct) => client.Endpoints.DeleteAsync(name, ct)),
        EndpointsPredictCommand.Create(), Feedback(), EndpointsMonitoringCommand.Create(),
    };

    private static Command List()
    {
        var command = new Command("list", "List your endpoints: the registered model and aliases they serve, and the versions those name now.");
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var endpoints = await Pages.ReadAsync((size, cursor) => client.Endpoints.ListAsync(size, cursor, ct));
            if (output.IsJson)
            {
                Output.Document(endpoints);
                return ExitCodes.Ok;
            }
            if (endpoints.Count == 0)
            {
                output.Line("No endpoints yet. Create one with `automl endpoints create NAME --registered-model MODEL`.");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn(new TableColumn("name").NoWrap()).AddColumns("registered model", "serving", "challenger", "updated");
            foreach (var e in endpoints)
            {
                table.AddRow(Markup.Escape(e.Name), Markup.Escape(e.RegisteredModel), Markup.Escape(Serving(e, e.Alias)),
                    Markup.Escape(Challenger(e)), RegisteredModelsCommand.Date(e.UpdatedAt));
            }
            Output.Table(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateCommand()
    {
        var name = new Argument<string>("NAME") { Description = "Lower-case letters, digits and dashes, starting with a letter." };
        var registered = new Option<string>("--registered-model") { Description = "The registered model it serves.", Required = true };
        var alias = new Option<string?>("--alias") { Description = "The alias it serves. Default: production." };
        var description = new Option<string?>("--description") { Description = "What it is for." };
        var command = new Command("create", "Create an endpoint serving an alias of a registered model, optionally with a split or shadow challenger.")
        {
            name, registered, alias, description,
        };
        var challenger = new ChallengerOptions();
        challenger.AddTo(command);
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var created = await client.Endpoints.CreateAsync(new NewServingEndpoint
            {
                Name = parse.GetValue(name)!,
                RegisteredModel = parse.GetValue(registered)!,
                Alias = parse.GetValue(alias),
                Challenger = challenger.Read(parse),
                Description = parse.GetValue(description),
            }, ct);
            if (output.IsJson)
            {
                Output.Document(created);
            }
            else
            {
                output.Line($"endpoint [green]{Markup.Escape(created.Name)}[/] {Markup.Escape(Serves(created))}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show()
    {
        var name = new Argument<string>("NAME") { Description = "The endpoint's name." };
        var hours = new Option<int>("--hours") { Description = "The window of the traffic figures, 1 to 720 hours.", DefaultValueFactory = _ => 24 };
        var command = new Command("show", "Show an endpoint: what it serves now, and its requests, latency and versions over the last hours.") { name, hours };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var endpoint = await client.Endpoints.GetAsync(parse.GetValue(name)!, ct);
            var stats = await client.Endpoints.GetStatsAsync(endpoint.Name, parse.GetValue(hours), ct);
            if (output.IsJson)
            {
                Output.Document(new { endpoint, stats });
                return ExitCodes.Ok;
            }
            output.Line($"[bold]{Markup.Escape(endpoint.Name)}[/]{(endpoint.Description is { } d ? ": " + Markup.Escape(d) : string.Empty)}");
            output.Line(Markup.Escape($"serves {endpoint.RegisteredModel} {Serving(endpoint, endpoint.Alias)}; challenger: {Challenger(endpoint)}"));
            var latency = stats.P50Ms is { } p50 ? string.Create(CultureInfo.InvariantCulture, $", p50 {p50:0.#} ms, p95 {stats.P95Ms:0.#} ms") : string.Empty;
            var versions = stats.Versions.Count == 0 ? string.Empty : "; by version: " + string.Join(", ", stats.Versions.Select(v => $"v{v.Key} {v.Value}"));
            output.Line(Markup.Escape($"last {parse.GetValue(hours)} h: {stats.Requests} requests{latency}{versions}"));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Feedback()
    {
        var endpoint = new Option<string>("--endpoint") { Description = "The endpoint that answered.", Required = true };
        var requestId = new Option<Guid>("--request-id") { Description = "The request_id of the prediction (a column of `endpoints predict`).", Required = true };
        var actual = new Option<string[]>("--actual") { Description = "The true value; repeat it once per row, in order, for a request of several rows.", Required = true };
        var command = new Command("feedback", "Send the true value of a prediction, so the endpoint's logs pair the answer with the truth.") { endpoint, requestId, actual };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var values = parse.GetValue(actual)!.Select(Value).ToList();
            object truth = values.Count == 1 ? values[0] : values;
            var receipt = await client.Endpoints.SendFeedbackAsync(parse.GetValue(endpoint)!, parse.GetValue(requestId), truth, ct);
            if (output.IsJson)
            {
                Output.Document(receipt);
            }
            else
            {
                output.Line($"feedback for {receipt.RequestId} received");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>A number for a regression's truth, true/false as such; anything else is a class label, sent as text.</summary>
    private static object Value(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number
        : bool.TryParse(text, out var flag) ? flag
        : text;

    /// <summary>What an endpoint answers with now, as a line after a change.</summary>
    public static string Serves(ServingEndpoint endpoint) =>
        $"serves {endpoint.RegisteredModel} {Serving(endpoint, endpoint.Alias)}{(endpoint.Challenger is null ? string.Empty : "; challenger " + Challenger(endpoint))}";

    private static string Serving(ServingEndpoint endpoint, string alias) =>
        endpoint.Serving.TryGetValue(alias, out var version) && version is { } v ? $"{alias} (v{v})" : $"{alias} (names no version)";

    private static string Challenger(ServingEndpoint endpoint) => endpoint.Challenger switch
    {
        null => "none",
        { Mode: ChallengerModes.Shadow } c => $"{Serving(endpoint, c.Alias)} in shadow",
        var c => $"{Serving(endpoint, c.Alias)} on {c.Percent}% of requests",
    };
}
