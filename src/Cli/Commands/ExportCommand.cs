using System.CommandLine;
using System.Net;
using AutoMl.Sdk;
using Spectre.Console;

namespace AutoMl.Cli.Commands;

/// <summary>`automl export`: a zip of everything the account owns, written by the platform and mailed as a 24-hour link.</summary>
internal static class ExportCommand
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    public static Command Create()
    {
        var wait = new Option<bool>("--wait") { Description = "Wait until the export is written; exit 6 when it failed." };
        var outputFile = new Option<FileInfo>("--output") { Description = "Download the zip to this file once it is written (implies --wait)." };
        var command = new Command("export", "Export everything your account owns (profile, ledger, audit events, data set files, models, jobs, registry, endpoints, workflows) as a zip. The link is also mailed to you and works for 24 hours. Needs a key of the \"full\" scope.")
        {
            wait, outputFile,
        };
        command.SetAction(CliRunner.WithClient(async (client, output, parse, ct) =>
        {
            var target = parse.GetValue(outputFile);
            var follow = parse.GetValue(wait) || target is not null;
            DataExport? export = null;
            try
            {
                export = await client.Account.RequestExportAsync(ct);
            }
            catch (AutoMlApiException e) when (e.StatusCode == HttpStatusCode.Conflict && follow)
            {
                // One export runs at a time: waiting for it gives what a new one would.
                export = (await client.Account.ListExportsAsync(5, null, ct)).Items.FirstOrDefault(x => !x.IsFinished);
                if (export is null)
                {
                    throw;
                }
                output.Line($"An export is already in progress ([green]{export.Id}[/]); waiting for it.");
            }
            if (!follow)
            {
                return Print(output, export, null);
            }
            while (!export.IsFinished)
            {
                await Task.Delay(Poll, ct);
                export = await client.Account.GetExportAsync(export.Id, ct);
            }
            if (export.Status != "ready")
            {
                return output.Fail(ExitCodes.JobFailed, $"The export {export.Status}", export.Error, export);
            }
            if (target is null)
            {
                return Print(output, export, null);
            }
            var partial = target.FullName + ".partial";
            // Written aside and moved into place, so an interrupted download never leaves a truncated zip under the name.
            try
            {
                await using var file = File.Create(partial);
                await client.Account.DownloadExportAsync(export.Id, file, ct);
            }
            catch
            {
                File.Delete(partial);
                throw;
            }
            File.Move(partial, target.FullName, overwrite: true);
            return Print(output, export, target);
        }));
        return command;
    }

    private static int Print(Output output, DataExport export, FileInfo? written)
    {
        if (output.IsJson)
        {
            Output.Document(new { export, output = written?.FullName });
            return ExitCodes.Ok;
        }
        if (written is not null)
        {
            output.Line($"export [green]{export.Id}[/]: {new FileInfo(written.FullName).Length} bytes written to {Markup.Escape(written.FullName)}");
        }
        else if (export.Status == "ready")
        {
            output.Line($"export [green]{export.Id}[/] ready ({export.SizeBytes} bytes) until {export.ExpiresAt:yyyy-MM-dd HH:mm} UTC; download it with --output FILE or the mailed link.");
        }
        else
        {
            output.Line($"export [green]{export.Id}[/] {export.Status}: you will get an email with its link. `automl export --wait --output FILE` waits and downloads it.");
        }
        return ExitCodes.Ok;
    }
}
