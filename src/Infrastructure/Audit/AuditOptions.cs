namespace AutoMl.Infrastructure.Audit;

/// <summary>The audit trail's retention (AutoMl__Audit__*).</summary>
public sealed class AuditOptions
{
    public const string Section = "AutoMl:Audit";

    /// <summary>Days a row stays in Postgres before the daily archive moves it to Parquet in the blob store.</summary>
    public int RetentionDays { get; set; } = 365;
}
