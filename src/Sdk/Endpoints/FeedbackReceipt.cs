namespace AutoMl.Sdk;

/// <summary>The API's receipt for the true values of a prediction.</summary>
public sealed class FeedbackReceipt
{
    /// <summary>The prediction the values belong to.</summary>
    public Guid RequestId { get; init; }

    /// <summary>When they were stored; sent again, the latest wins.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
