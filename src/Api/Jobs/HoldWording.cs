namespace AutoMl.Api.Jobs;

/// <summary>
/// How a job's hold is written in the ledger (<paramref name="Reference"/>) and explained when refused: what it costs
/// (the start of a sentence), what owed credits block, and what the user can do besides buying credits.
/// </summary>
internal sealed record HoldWording(string Reference, string Cost, string Blocked, string Remedy);
