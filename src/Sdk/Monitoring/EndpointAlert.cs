namespace AutoMl.Sdk;

/// <summary>An alert of an endpoint's monitor, as also emailed to the account.</summary>
public sealed class EndpointAlert
{
    /// <summary>The alert's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The endpoint's name.</summary>
    public string Endpoint { get; init; } = string.Empty;

    /// <summary>drift or data_quality; see <see cref="AlertKinds"/>.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>The feature (column) it is about.</summary>
    public string Feature { get; init; } = string.Empty;

    /// <summary>What happened, in a sentence.</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>The start of the window it belongs to; one alert per kind, feature and window.</summary>
    public DateTimeOffset WindowStart { get; init; }

    /// <summary>When it was raised.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
