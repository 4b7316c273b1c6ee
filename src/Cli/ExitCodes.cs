namespace AutoMl.Cli;

/// <summary>The process exit codes; --help prints them, so scripts can branch on them.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Error = 1;
    public const int Usage = 2;
    public const int NotLoggedIn = 3;
    public const int InsufficientCredits = 4;
    public const int RateLimited = 5;
    public const int JobFailed = 6;
    public const int BelowThreshold = 7;
    public const int DataError = 8;
    public const int RunSkipped = 9;
    public const int Cancelled = 130;

    public const string Help = """
        Exit codes:
          0  success
          1  an API or other error (the problem's title and detail are printed)
          2  bad usage (unknown option, malformed --fail-under)
          3  not logged in, or the API key was refused (401/403)
          4  not enough credits (402)
          5  rate limited (429) after retries
          6  the job, data set, workflow run or data export failed, or the job was cancelled
          7  the model's score did not pass --fail-under
          8  the data cannot be trained on as asked (422 with a problem code, before anything is paid); a warning
             such as a target that looks like an identifier passes with `automl train --force`
          9  a workflow run was skipped: a credit cap, the data or a run still going stopped it (its reason is printed)
          130 interrupted (Ctrl+C)
        """;
}
