namespace AutoMl.Infrastructure.Email;

/// <summary>Delivers one outbox email or throws; the outbox sender decides when to try again.</summary>
public interface IEmailSender
{
    Task SendAsync(OutboxEmail email, CancellationToken ct);
}
