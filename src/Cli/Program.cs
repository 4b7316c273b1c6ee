using System.CommandLine;
using System.Runtime.InteropServices;
using AutoMl.Cli;
using AutoMl.Cli.Commands;

var root = new RootCommand($"""
    automl: upload data sets, train models within a time budget, gate CI on their score, predict.
    Reads AUTOML_API_KEY and AUTOML_URL, or the file `automl login` writes.

    {ExitCodes.Help}
    """);
root.Options.Add(CliRunner.Json);
root.Subcommands.Add(LoginCommand.Create());
root.Subcommands.Add(DatasetsCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(PredictCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(ModelsCommand.Create());
root.Subcommands.Add(JobsCommand.Create());
root.Subcommands.Add(RegisteredModelsCommand.Create());
root.Subcommands.Add(EndpointsCommand.Create());
root.Subcommands.Add(WorkflowsCommand.Create());
root.Subcommands.Add(AlertsCommand.Create());
root.Subcommands.Add(SecurityEventsCommand.Create());
root.Subcommands.Add(OpsCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(AdminCommand.Create());
root.Subcommands.Add(CreditsCommand.Create());

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"automl: {error.Message}");
    }
    Console.Error.WriteLine("Run `automl --help` for usage.");
    return ExitCodes.Usage;
}
// Ctrl+C cancels the command's token, as System.CommandLine does, but without its forced exit 2 s later: `train --wait`
// asks whether to cancel the job and waits for the answer. A second Ctrl+C ends the process at once.
using var interrupt = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, interrupt.Token);

void Interrupt(PosixSignalContext context)
{
    if (!interrupt.IsCancellationRequested)
    {
        context.Cancel = true;
        interrupt.Cancel();
    }
}
