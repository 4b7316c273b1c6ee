using System.Globalization;
using Microsoft.Extensions.Options;

namespace AutoMl.Infrastructure.Email;

/// <summary>The product's emails, queued in the caller's unit of work; every link is built from the configured public URL.</summary>
public sealed class EmailTemplates(EmailOutbox outbox, IOptions<PlatformOptions> options)
{
    public OutboxEmail VerifyEmail(Guid userId, string to, Uri link) => outbox.QueueVerifyEmail(userId, to, link);

    public OutboxEmail JobFinished(Guid userId, string to, Guid jobId, string target, string metric, double? score) =>
        outbox.Queue(userId, to, "job-finished", $"Your model for '{target}' is ready",
            $"Training finished.\n\nBest {metric}: {(score is { } s ? s.ToString("0.####", CultureInfo.InvariantCulture) : "n/a")}\n\n"
            + $"See the leaderboard, metrics and explanations:\n{Link($"/jobs/{jobId}")}\n");

    public OutboxEmail JobFailed(Guid userId, string to, Guid jobId, string target, string error) =>
        outbox.Queue(userId, to, "job-failed", $"Your training job for '{target}' failed",
            $"Training stopped with an error: {error}\n\nNo credits were charged; the job's hold is back in your balance.\n\n"
            + $"Details:\n{Link($"/jobs/{jobId}")}\n");

    public OutboxEmail EndpointAlert(Guid userId, string to, string endpoint, string message) =>
        outbox.Queue(userId, to, "endpoint-alert", $"Endpoint '{endpoint}' needs a look",
            $"{message}\n\nThe endpoint's monitoring and alerts:\n{Link($"/endpoints/{endpoint}")}\n");

    public OutboxEmail LowBalance(Guid userId, string to, long available) =>
        outbox.Queue(userId, to, "low-balance", "Your AutoMl credits are running low",
            $"You have {available.ToString("N0", CultureInfo.InvariantCulture)} credits left, which may not cover your next training job.\n\n"
            + $"Buy a credit pack or watch a rewarded ad:\n{Link("/billing")}\n");

    public OutboxEmail PaymentReceipt(Guid userId, string to, string product, long credits, long amountCents, string currency, string reference) =>
        outbox.Queue(userId, to, "payment-receipt", "Your AutoMl receipt",
            $"Thank you for your payment.\n\n{product}: {credits.ToString("N0", CultureInfo.InvariantCulture)} credits\n"
            + $"Amount: {(amountCents / 100m).ToString("0.00", CultureInfo.InvariantCulture)} {currency.ToUpperInvariant()}\n"
            + $"Reference: {reference}\n\nYour balance and history:\n{Link("/billing")}\n");

    public OutboxEmail DatasetDeletionWarning(Guid userId, string to, Guid datasetId, string datasetName, DateTimeOffset deleteAt) =>
        outbox.Queue(userId, to, "dataset-deletion-warning", $"Your data set '{datasetName}' will be deleted soon",
            $"The data set '{datasetName}' has not been used for a while and will be deleted on {deleteAt:yyyy-MM-dd} (UTC).\n\n"
            + $"Open it to keep it:\n{Link($"/datasets/{datasetId}")}\n");

    public OutboxEmail WorkflowRunFailed(Guid userId, string to, Guid workflowId, string workflow, string reason) =>
        outbox.Queue(userId, to, "workflow-run-failed", $"Workflow '{workflow}': a run failed",
            $"A run of the workflow '{workflow}' failed: {reason}\n\nThe model in production did not change.\n\n"
            + $"The workflow and its runs:\n{Link($"/workflows/{workflowId}")}\n");

    public OutboxEmail WorkflowApprovalNeeded(Guid userId, string to, Guid workflowId, Guid runId, string workflow, int candidateVersion, string summary) =>
        outbox.Queue(userId, to, "workflow-approval", $"Workflow '{workflow}': version {candidateVersion} awaits your approval",
            $"A run of the workflow '{workflow}' trained version {candidateVersion}, which beat the model in production: {summary}\n\n"
            + $"Approve it to move production, or reject it:\n{Link($"/workflows/{workflowId}/runs/{runId}")}\n");

    public OutboxEmail PlatformAlert(Guid adminId, string to, Alerts.PlatformAlert alert) =>
        outbox.Queue(adminId, to, "platform-alert", $"[AutoMl {alert.Severity.ToString().ToLowerInvariant()}] {alert.Rule}: over its threshold",
            $"{alert.Message}\n\nRule: {alert.Rule}\nValue: {alert.Value.ToString(CultureInfo.InvariantCulture)} (threshold {alert.Threshold.ToString(CultureInfo.InvariantCulture)})\n"
            + $"Since: {alert.FirstSeenAt:yyyy-MM-dd HH:mm:ss} UTC\n\nYou will not be emailed about this rule again while the alert stays open.\n\n"
            + $"Every alert and the last reconciliation:\n{Link("/admin/alerts")}\n");

    public OutboxEmail ExportReady(Guid userId, string to, Uri link, long sizeBytes, DateTimeOffset expiresAt) =>
        outbox.Queue(userId, to, "export-ready", "Your AutoMl data export is ready",
            $"The export of your account's data is ready ({(sizeBytes / 1_048_576.0).ToString("0.0", CultureInfo.InvariantCulture)} MB, a zip).\n\n"
            + $"Download it within 24 hours (until {expiresAt:yyyy-MM-dd HH:mm} UTC), without signing in:\n{link}\n\n"
            + $"After that the file is deleted; request a new export from Settings:\n{Link("/settings")}\n\n"
            + "If you did not ask for this export, change your password and revoke your API keys.\n");

    private Uri Link(string path) => new($"{options.Value.PublicUrl.TrimEnd('/')}{path}");
}
