using Microsoft.Extensions.Logging;

namespace AutoMl.Infrastructure.Email;

/// <summary>The sender when no provider is configured (a laptop): the email "arrives" in the log.</summary>
public sealed class LogEmailSender(ILogger<LogEmailSender> logger) : IEmailSender
{
    public Task SendAsync(OutboxEmail email, CancellationToken ct)
    {
        logger.LogInformation("Email {EmailId} ({Template}) to {To} delivered to the log (no SendGrid key): {Subject}", email.Id, email.Template, email.To, email.Subject);
        return Task.CompletedTask;
    }
}
