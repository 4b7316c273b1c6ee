namespace AutoMl.Infrastructure.Datasets;

/// <summary>How long a presigned upload stays open: its URLs' lifetime, then a short grace to call /complete.</summary>
public static class PresignedUploadWindow
{
    /// <summary>How long the presigned URLs work (the issue asks for at most an hour).</summary>
    public static readonly TimeSpan ValidFor = TimeSpan.FromHours(1);

    /// <summary>After the URLs expire, how long a client may still call /complete before the sweeper drops the upload.</summary>
    public static readonly TimeSpan CompleteGrace = TimeSpan.FromMinutes(15);

    /// <summary>An upload still open this long after it started is abandoned: its parts and staging object are deleted.</summary>
    public static TimeSpan AbandonedAfter => ValidFor + CompleteGrace;
}
