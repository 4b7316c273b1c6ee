namespace AutoMl.Infrastructure.Blobs;

/// <summary>The "Blobs" section: Provider "local" (default) or "s3".</summary>
public sealed class BlobOptions
{
    public const string Section = "Blobs";

    public string Provider { get; set; } = "local";

    /// <summary>Root folder of the local store; defaults to AUTOML_DATA_DIR/blobs, else ./.data/blobs.</summary>
    public string? LocalRoot { get; set; }

    public S3BlobOptions S3 { get; set; } = new();
}

public sealed class S3BlobOptions
{
    /// <summary>Custom endpoint: https://&lt;account&gt;.r2.cloudflarestorage.com for R2, a MinIO or s3rver address; empty for AWS.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>"auto" for Cloudflare R2.</summary>
    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = "automl";
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Presigned multipart part size; S3 wants at least 5 MiB for every part but the last.</summary>
    public long PartSizeBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Above this size a presigned upload is multipart.</summary>
    public long MultipartThresholdBytes { get; set; } = 100L * 1024 * 1024;
}
