using System.CommandLine;
using System.Globalization;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl admin`: the admin console from a terminal, with a key of the admin scope.</summary>
internal static class AdminCommand
{
    public static Command Create() => new("admin", "The admin console: find accounts, set tiers, suspend, grant credits, read the platform's figures. Needs a key with the admin scope.")
    {
        Users(), User(), Tier(), Suspend(), Unsuspend(), Grant(), AdminFiguresCommand.Create(),
    };

    private static Command Users()
    {
        var query = new Argument<string?>("query") { Description = "Part of an email address, or an account id; every account when left out.", Arity = ArgumentArity.ZeroOrOne };
        var tier = new Option<string?>("--tier") { Description = "Only this tier: free, pro or enterprise." };
        tier.AcceptOnlyFromAmong("free", "pro", "enterprise");
        var suspended = new Option<bool>("--suspended") { Description = "Only suspended accounts." };
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first.", DefaultValueFactory = _ => 50 };
        var command = new Command("users", "Find accounts by part of their email or their id, newest first.") { query, tier, suspended, limit };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var users = await Pages.ReadAsync((size, cursor) => client.Admin.ListUsersAsync(parse.GetValue(query), parse.GetValue(tier),
                parse.GetValue(suspended) ? true : null, size, cursor, ct), Math.Max(1, parse.GetValue(limit)));
            if (output.IsJson)
            {
                Output.Document(users);
                return ExitCodes.Ok;
            }
            if (users.Count == 0)
            {
                output.Line("No accounts match.");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("id", "email", "tier", "balance", "created", "status");
            foreach (var u in users)
            {
                table.AddRow(u.Id.ToString(), Markup.Escape(u.Email), u.Tier, u.Balance.ToString(CultureInfo.InvariantCulture), RegisteredModelsCommand.Date(u.CreatedAt),
                    u.Suspension is null ? "active" : "[red]suspended[/]");
            }
            Output.Table(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command User()
    {
        var who = Who();
        var command = new Command("user", "Show an account: tier, credits, suspension, last sign-in and what it holds.") { who };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
            await WithUserAsync(client, output, parse.GetValue(who)!, user =>
            {
                Show(output, user);
                return Task.FromResult(ExitCodes.Ok);
            }, ct)));
        return command;
    }

    private static Command Tier()
    {
        var who = Who();
        var tier = new Argument<string>("tier") { Description = "free, pro or enterprise." };
        tier.AcceptOnlyFromAmong("free", "pro", "enterprise");
        var reason = Reason();
        var command = new Command("tier", "Set an account's tier; its prices and limits follow at once. Audited with the reason.") { who, tier, reason };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
            await WithUserAsync(client, output, parse.GetValue(who)!, async user =>
            {
                Show(output, await client.Admin.SetTierAsync(user.Id, parse.GetValue(tier)!, parse.GetValue(reason)!, ct));
                return ExitCodes.Ok;
            }, ct)));
        return command;
    }

    private static Command Suspend()
    {
        var who = Who();
        var reason = Reason();
        var command = new Command("suspend", "Suspend an account: its sessions end, its keys and sign-ins are refused, its jobs are cancelled. Audited with the reason.")
        {
            who, reason,
        };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
            await WithUserAsync(client, output, parse.GetValue(who)!, async user =>
            {
                Show(output, await client.Admin.SuspendAsync(user.Id, parse.GetValue(reason)!, ct));
                return ExitCodes.Ok;
            }, ct)));
        return command;
    }

    private static Command Unsuspend()
    {
        var who = Who();
        var reason = new Option<string?>("--reason") { Description = "Why, for the audit trail." };
        var command = new Command("unsuspend", "Lift a suspension: the user signs in again and their keys work.") { who, reason };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
            await WithUserAsync(client, output, parse.GetValue(who)!, async user =>
            {
                Show(output, await client.Admin.UnsuspendAsync(user.Id, parse.GetValue(reason), ct));
                return ExitCodes.Ok;
            }, ct)));
        return command;
    }

    private static Command Grant()
    {
        var who = Who();
        var amount = new Argument<long>("amount") { Description = "Credits to grant; negative takes them back." };
        amount.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() == 0)
            {
                result.AddError("amount is a whole number of credits other than 0.");
            }
        });
        var reason = Reason();
        var command = new Command("grant", "Grant credits to an account (or take them back with a negative amount), with a reason.") { who, amount, reason };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
            await WithUserAsync(client, output, parse.GetValue(who)!, async user =>
            {
                Show(output, await client.Admin.GrantCreditsAsync(user.Id, parse.GetValue(amount), parse.GetValue(reason)!, ct));
                return ExitCodes.Ok;
            }, ct)));
        return command;
    }

    private static Argument<string> Who() => new("user") { Description = "The account's email address or id." };

    private static Option<string> Reason() => new("--reason") { Description = "Why, kept in the audit trail.", Required = true };

    private static async Task<int> WithUserAsync(AutoMlClient client, Output output, string who, Func<AdminUser, Task<int>> action, CancellationToken ct) =>
        await client.Admin.FindUserAsync(who, ct) is { } user
            ? await action(user)
            : output.Fail(ExitCodes.Error, "No such account", $"No account has the email or id '{who}'. Find it with `automl admin users PART-OF-EMAIL`.");

    private static void Show(Output output, AdminUser user)
    {
        if (output.IsJson)
        {
            Output.Document(user);
            return;
        }
        var table = new Table().HideHeaders().AddColumns("", "");
        table.AddRow("id", user.Id.ToString());
        table.AddRow("email", Markup.Escape(user.Email) + (user.IsAdmin ? " (admin)" : ""));
        table.AddRow("tier", user.Tier);
        table.AddRow("credits", Markup.Escape($"{user.Balance} ({user.Held} held, {user.Owed} owed)"));
        table.AddRow("created", RegisteredModelsCommand.Date(user.CreatedAt));
        table.AddRow("last sign-in", user.LastSignInAt is { } at ? RegisteredModelsCommand.Date(at) : "never");
        table.AddRow("status", user.Suspension is { } s
            ? $"[red]suspended[/] since {RegisteredModelsCommand.Date(s.At)}: {Markup.Escape(s.Reason ?? "")}"
            : "active");
        table.AddRow("holds", $"{user.Counts.Jobs} jobs, {user.Counts.Datasets} data sets, {user.Counts.Models} models, {user.Counts.ApiKeys} API keys");
        Output.Table(table);
    }
}
