namespace AutoMl.Sdk;

/// <summary>How <see cref="ModelsClient.ListAsync(ModelListOptions?, CancellationToken)"/> orders models.</summary>
public enum ModelSort
{
    /// <summary>By when they were trained (newest first unless ascending).</summary>
    Created,

    /// <summary>By how good the score is (best first unless ascending): a loss such as rmse is better low.</summary>
    Score,

    /// <summary>By bundle size (largest first unless ascending).</summary>
    Size,
}
