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
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
