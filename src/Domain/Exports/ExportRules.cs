namespace AutoMl.Domain.Exports;

/// <summary>How long an export lives and how often an account may ask for one.</summary>
public static class ExportRules
{
    /// <summary>The zip and its mailed link live this long after the zip is ready; then the zip is deleted.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// Exports an account may request in any 24 hours. Each reads every file the account has and writes them again:
    /// three covers a retry after a failure and a second thought, and keeps a leaked session from turning the
    /// workers into a copying machine.
    /// </summary>
    public const int PerDay = 3;

    public static readonly TimeSpan Window = TimeSpan.FromHours(24);
}
