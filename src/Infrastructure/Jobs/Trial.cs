namespace AutoMl.Infrastructure.Jobs;

public sealed class Trial
{
    public Guid JobId { get; set; }
    public int N { get; set; }
    public required string Learner { get; set; }
    public required string ParamsJson { get; set; }
    public double Score { get; set; }
    public double Seconds { get; set; }
    public DateTimeOffset At { get; set; }
}
