namespace AutoMl.Infrastructure.Payments;

/// <summary>The "Stripe" configuration section. Payments are off until a secret key is set.</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    public string? SecretKey { get; set; }

    /// <summary>Comma-separated webhook signing secrets (whsec_…); several are accepted while one is rotated out.</summary>
    public string? WebhookSecrets { get; set; }

    public string ApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>How old a signed webhook may be; Stripe's own default.</summary>
    public int ToleranceSeconds { get; set; } = 300;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);

    public IReadOnlyList<string> Secrets() =>
        (WebhookSecrets ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
