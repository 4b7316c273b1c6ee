namespace AutoMl.Bench.Load;

/// <summary>An account of the run: its API key, its data set, and its model if it predicts.</summary>
internal sealed record LoadUser(int Index, Guid Id, string ApiKey, Guid Dataset, Guid? Model);
