namespace AutoMl.Infrastructure.Email;

/// <summary>An email waiting to be sent; written in the same transaction as the change that causes it.</summary>
public sealed class OutboxEmail
{
    public Guid Id { get; set; }
    public Guid? UserId { get; set; }
    public required string To { get; set; }
    public required string Template { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>When a failed send is tried again (exponential back-off); null until the first failure.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
}
