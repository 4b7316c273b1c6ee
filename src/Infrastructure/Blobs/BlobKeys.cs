namespace AutoMl.Infrastructure.Blobs;

/// <summary>The one place that knows the key layout of the store.</summary>
public static class BlobKeys
{
    public static string UserPrefix(Guid user) => $"datasets/{user:N}/";
    public static string DatasetPrefix(Guid user, Guid dataset) => $"datasets/{user:N}/{dataset:N}/";
    public static string DatasetOriginal(Guid user, Guid dataset, string extension) => $"{DatasetPrefix(user, dataset)}original.{extension}";
    public static string DatasetProcessed(Guid user, Guid dataset) => $"{DatasetPrefix(user, dataset)}processed.parquet";
    public static string DatasetSample(Guid user, Guid dataset) => $"{DatasetPrefix(user, dataset)}sample.parquet";

    /// <summary>Where a presigned upload's bytes land; copied to the data set's original key only once /complete has checked them.</summary>
    public static string UploadStaging(Guid user, Guid dataset) => $"{UploadPrefix(user)}{dataset:N}/staging";

    public static string UploadPrefix(Guid user) => $"{UploadsRoot}{user:N}/";

    /// <summary>Every staging object and unfinished multipart upload lives under this prefix, for the sweeper.</summary>
    public const string UploadsRoot = "uploads/";

    public static string ModelBundle(Guid user, Guid model) => $"models/{user:N}/{model:N}/bundle";

    /// <summary>The rows a workflow run held out from its model's training: a later run counts them as never trained on.</summary>
    public static string ModelHoldout(Guid user, Guid model) => $"models/{user:N}/{model:N}/holdout.parquet";
    /// <summary>Audit rows past their retention (ADR 12): not a user's, so account deletion leaves them.</summary>
    public static string AuditArchive(long firstId, long lastId) => $"audit/archive/{firstId:D12}-{lastId:D12}.parquet";

    public static string Prediction(Guid user, Guid job) => $"predictions/{user:N}/{job:N}.csv";

    public static string ExportPrefix(Guid user) => $"exports/{user:N}/";

    /// <summary>A data export's zip, deleted when the export expires.</summary>
    public static string Export(Guid user, Guid export) => $"{ExportPrefix(user)}{export:N}.zip";

    /// <summary>Every prefix a user's blobs live under, for account deletion.</summary>
    public static IReadOnlyList<string> AllOfUser(Guid user) =>
        [$"datasets/{user:N}/", $"models/{user:N}/", $"predictions/{user:N}/", UploadPrefix(user), ExportPrefix(user)];
}
