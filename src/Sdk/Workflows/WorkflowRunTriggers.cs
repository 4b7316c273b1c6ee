namespace AutoMl.Sdk;

/// <summary>The values of <see cref="WorkflowRun.Trigger"/>: what started a run.</summary>
public static class WorkflowRunTriggers
{
    /// <summary>Run now: <see cref="WorkflowsClient.RunAsync"/>.</summary>
    public const string Manual = "manual";

    /// <summary>The workflow's <see cref="Workflow.Schedule"/>.</summary>
    public const string Schedule = "schedule";

    /// <summary>A new version of the data set, with <see cref="Workflow.OnNewVersion"/> set.</summary>
    public const string DatasetVersion = "dataset-version";
}
