namespace AutoMl.Infrastructure.Email;

/// <summary>The "SendGrid" configuration section; without an API key emails go to the log.</summary>
public sealed class EmailDeliveryOptions
{
    public const string Section = "SendGrid";

    public string? ApiKey { get; set; }

    /// <summary>SendGrid's API host; a local fake in tests.</summary>
    public string Host { get; set; } = "https://api.sendgrid.com";
    public string FromEmail { get; set; } = "no-reply@automl.local";
    public string FromName { get; set; } = "AutoMl";
}
