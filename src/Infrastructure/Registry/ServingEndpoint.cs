using AutoMl.Domain.Registry;

namespace AutoMl.Infrastructure.Registry;

/// <summary>
/// A stable name clients predict through: bound to a registered model's alias, which it resolves on every request, so
/// moving the alias changes what it serves without a client changing anything.
/// </summary>
public sealed class ServingEndpoint : Persistence.IKeysetRow
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public Guid RegisteredModelId { get; set; }
    public required string Alias { get; set; }
    public string? ChallengerAlias { get; set; }
    public int ChallengerPercent { get; set; }
    public ChallengerMode ChallengerMode { get; set; }
    /// <summary>How long one monitoring window is (default a day); windows start at multiples of it since 1970.</summary>
    public int MonitorWindowHours { get; set; } = 24;

    /// <summary>Per feature, thresholds other than the defaults: a JSON object of feature → {warn, alert}.</summary>
    public string? ThresholdsJson { get; set; }

    /// <summary>The end of the last window the monitor evaluated.</summary>
    public DateTimeOffset? MonitoredUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
