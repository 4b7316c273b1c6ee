using System.Globalization;
using AutoMl.Infrastructure.Alerts;
using AutoMl.Infrastructure.Blobs;
using Microsoft.Extensions.Options;

namespace AutoMl.Workers.Alerts;

/// <summary>
/// How full the disk holding the data folder is (the local blob store, or the worker's data when blobs live in S3),
/// measured on the worker that runs the check.
/// </summary>
internal sealed class DiskUseRule(IOptions<AlertOptions> options, BlobOptions blobs) : IAlertRule
{
    public Task<IReadOnlyList<AlertReading>> ReadAsync(CancellationToken ct)
    {
        var folder = Existing(DataFolder());
        var drive = new DriveInfo(folder);
        var total = drive.TotalSize;
        var free = drive.AvailableFreeSpace;
        var used = total <= 0 ? 0 : Math.Round(100.0 * (total - free) / total, 1);
        var message = $"The disk holding the data folder {folder} on {Environment.MachineName} is {used.ToString("0.#", CultureInfo.InvariantCulture)}% used "
            + $"({Gigabytes(free)} free of {Gigabytes(total)}). Free space or grow the disk before uploads and training fail.";
        IReadOnlyList<AlertReading> readings = [AlertReading.For(AlertRules.DiskUse, AlertSeverity.Critical, options.Value.DiskUse, used, message)];
        return Task.FromResult(readings);
    }

    private string DataFolder() =>
        options.Value.DataFolder is { Length: > 0 } configured ? configured
        : blobs.Provider.Equals("local", StringComparison.OrdinalIgnoreCase) && blobs.LocalRoot is { Length: > 0 } root ? root
        : Environment.GetEnvironmentVariable("AUTOML_DATA_DIR") ?? Path.Combine(Directory.GetCurrentDirectory(), ".data");

    /// <summary>The folder, or its nearest existing parent (a fresh install has not made it yet): the same disk either way.</summary>
    private static string Existing(string folder)
    {
        var path = Path.GetFullPath(folder);
        while (!Directory.Exists(path) && Path.GetDirectoryName(path) is { } parent)
        {
            path = parent;
        }
        return path;
    }

    private static string Gigabytes(long bytes) => $"{(bytes / 1e9).ToString("0.0", CultureInfo.InvariantCulture)} GB";
}
