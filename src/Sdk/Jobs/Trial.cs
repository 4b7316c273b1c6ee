using System.Text.Json;

namespace AutoMl.Sdk;

/// <summary>One candidate model a job tried: a row of the leaderboard.</summary>
public sealed class Trial
{
    /// <summary>Its number in the job, from 1.</summary>
    public int N { get; init; }

    /// <summary>The learner, e.g. LightGbm or FastTree.</summary>
    public string Learner { get; init; } = string.Empty;

    /// <summary>The hyper-parameters it used.</summary>
    public JsonElement Params { get; init; }

    /// <summary>Its validation score in the job's metric.</summary>
    public double Score { get; init; }

    /// <summary>How long it trained.</summary>
    public double Seconds { get; init; }
}
