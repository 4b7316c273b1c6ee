namespace AutoMl.Infrastructure.Persistence;

/// <summary>A row listed newest first with keyset pagination on (CreatedAt, Id).</summary>
public interface IKeysetRow
{
    Guid Id { get; }
    DateTimeOffset CreatedAt { get; }
}
