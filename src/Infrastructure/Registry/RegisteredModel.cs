namespace AutoMl.Infrastructure.Registry;

/// <summary>A named line of models in one account: the versions a team trains over time for one prediction.</summary>
public sealed class RegisteredModel : Persistence.IKeysetRow
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public List<string> Tags { get; set; } = [];

    /// <summary>Set when created or by the first version; every later version must match it.</summary>
    public string? Task { get; set; }

    public string? Target { get; set; }

    /// <summary>The first version's input columns (a JSON array of name and kind): the rows the clients send.</summary>
    public string? InputColumnsJson { get; set; }

    /// <summary>The number the last version got; the next one is this plus one (never reused after a delete).</summary>
    public int LatestVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
