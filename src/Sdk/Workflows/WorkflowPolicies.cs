namespace AutoMl.Sdk;

/// <summary>The values of <see cref="Workflow.Policy"/>: what a workflow does with a candidate that beats the model holding production.</summary>
public static class WorkflowPolicies
{
    /// <summary>Moves production to the better candidate at once.</summary>
    public const string Automatic = "automatic";

    /// <summary>Waits for <see cref="WorkflowsClient.ApproveAsync"/> or <see cref="WorkflowsClient.RejectAsync"/>.</summary>
    public const string Approval = "approval";

    /// <summary>Registers the candidate as a version and reports; production never moves.</summary>
    public const string Never = "never";
}
