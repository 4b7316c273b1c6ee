namespace AutoMl.Infrastructure;

/// <summary>
/// How the API's Data Protection keys (which sign session cookies and anti-forgery tokens) are encrypted at rest in
/// Postgres (AutoMl__DataProtection__*). Unset, the keys are stored in clear: whoever reads the database can forge
/// any session, so Production warns at start-up.
/// </summary>
public sealed class DataProtectionKeyOptions
{
    /// <summary>
    /// Path to the certificate, with its private key, that encrypts every key: a PKCS#12 file (.pfx/.p12) or a PEM
    /// file holding both the certificate and its key. Every API instance and worker needs the same one.
    /// </summary>
    public string? Certificate { get; set; }

    /// <summary>The password of the PKCS#12 file (or of an encrypted PEM key); none when the file has none.</summary>
    public string? CertificatePassword { get; set; }
}
