using AutoMl.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMl.Infrastructure.Email;

/// <summary>
/// Adds emails to the outbox inside the caller's unit of work; a sender job delivers them later, so an
/// email is never lost and never sent for a change that rolled back.
/// </summary>
public sealed class EmailOutbox(AutoMlDbContext db, IOptions<PlatformOptions> options, TimeProvider clock, ILogger<EmailOutbox> logger)
{
    public OutboxEmail Queue(Guid? userId, string to, string template, string subject, string textBody)
    {
        var email = new OutboxEmail
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            To = to,
            Template = template,
            Subject = subject,
            TextBody = textBody,
            CreatedAt = clock.GetUtcNow(),
        };
        db.OutboxEmails.Add(email);
        logger.LogInformation("Email {EmailId} ({Template}) queued in the outbox", email.Id, template);
        if (options.Value.LogEmailBodies)
        {
            logger.LogInformation("Email {EmailId} to {To}: {Subject}\n{Body}", email.Id, to, subject, textBody);
        }
        return email;
    }

    public OutboxEmail QueueVerifyEmail(Guid userId, string to, Uri link) =>
        Queue(userId, to, "verify-email", "Confirm your AutoMl email address",
            $"Welcome to AutoMl.\n\nConfirm your email address by opening this link:\n{link}\n\nIf you did not sign up, ignore this email.");
}
