using System.Text.Json;

namespace AutoMl.Api.Models;

/// <summary>The ensemble of a model, read from the leaderboard the worker stored: the trials with a weight.</summary>
internal static class ModelEnsemble
{
    /// <summary>Heaviest first; empty for a leaderboard without weights (none was ever stored so, but a model must still read).</summary>
    public static IReadOnlyList<EnsembleMember> Read(string leaderboardJson)
    {
        using var doc = JsonDocument.Parse(leaderboardJson);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        var members = new List<EnsembleMember>();
        foreach (var entry in doc.RootElement.EnumerateArray())
        {
            if (entry.TryGetProperty("ensembleWeight", out var weight) && weight.ValueKind == JsonValueKind.Number && weight.GetDouble() > 0
                && entry.TryGetProperty("trial", out var trial) && trial.ValueKind == JsonValueKind.Number
                && entry.TryGetProperty("learner", out var learner) && learner.ValueKind == JsonValueKind.String
                && entry.TryGetProperty("score", out var score) && score.ValueKind == JsonValueKind.Number)
            {
                members.Add(new EnsembleMember(trial.GetInt32(), learner.GetString()!, weight.GetDouble(), score.GetDouble()));
            }
        }
        return members.OrderByDescending(m => m.Weight).ThenBy(m => m.Trial).ToList();
    }
}
