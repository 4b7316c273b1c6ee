using AutoMl.Infrastructure.Jobs;

namespace AutoMl.Api.Jobs;

internal static class JobViews
{
    public const string Missing = "No job with this id exists in your account.";

    public static JobView ToView(this Job j) => new(
        j.Id, j.Kind, j.Status, j.Queue, j.Progress, j.EtaSeconds, j.DatasetId, j.Target, j.Task, j.Metric, j.BudgetSeconds,
        j.BestScore, j.Trials, j.ModelId, j.Error, j.HeldCredits, j.ChargedCredits, j.CreatedAt, j.StartedAt, j.FinishedAt,
        j.RegisteredModelName, j.RegisteredVersion, j.RegistrationProblem, j.DatasetVersion, j.ExcludedColumns, j.ExcludedByChecks);
}
