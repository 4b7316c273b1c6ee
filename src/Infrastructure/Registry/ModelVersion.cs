namespace AutoMl.Infrastructure.Registry;

/// <summary>Version N of a registered model: a trained model, which the registry never copies.</summary>
public sealed class ModelVersion
{
    public Guid RegisteredModelId { get; set; }
    public int Version { get; set; }
    public Guid ModelId { get; set; }
    public string? Description { get; set; }

    /// <summary>How it was added: "job" (a training job named the registered model) or "manual".</summary>
    public required string Source { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
