namespace AutoMl.Infrastructure.Jobs;

/// <summary>Ledger idempotency keys of a job: a retried settle never charges twice.</summary>
public static class JobKeys
{
    public static string Hold(Guid job) => $"job:{job:N}:hold";
    public static string Settle(Guid job) => $"job:{job:N}:settle";
}
