using System.Linq.Expressions;
using AutoMl.Infrastructure.Jobs;

namespace AutoMl.Infrastructure.Workflows;

/// <summary>What a run's job counts against its workflow's credit caps: its hold while it runs, its charge once ended.</summary>
public static class WorkflowCredits
{
    /// <summary>For queries (summed in SQL for the monthly cap).</summary>
    public static readonly Expression<Func<Job, long>> Counted = j => j.FinishedAt == null ? j.HeldCredits : j.ChargedCredits;

    /// <summary>The same rule for jobs already read.</summary>
    public static readonly Func<Job, long> CountedOf = Counted.Compile();
}
