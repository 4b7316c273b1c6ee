namespace AutoMl.Sdk;

/// <summary>An endpoint's answer: the predictions, which version made them, and the id to send the truth back with.</summary>
public sealed class EndpointPredictionResult
{
    /// <summary>The request's id: pass it to <see cref="EndpointsClient.SendFeedbackAsync"/> with the true values.</summary>
    public Guid RequestId { get; init; }

    /// <summary>The registered model the endpoint serves.</summary>
    public string RegisteredModel { get; init; } = string.Empty;

    /// <summary>The version that answered.</summary>
    public int Version { get; init; }

    /// <summary>The alias that named that version for this request: the endpoint's, or a split challenger's.</summary>
    public string Alias { get; init; } = string.Empty;

    /// <summary>The trained model that answered.</summary>
    public Guid ModelId { get; init; }

    /// <summary>One prediction per row, in order.</summary>
    public IReadOnlyList<Prediction> Predictions { get; init; } = [];

    /// <summary>Credits this request was charged, as for <see cref="PredictionResult.CreditsCharged"/>.</summary>
    public long CreditsCharged { get; init; }
}
