namespace AutoMl.Runtime;

/// <summary>A column the model reads: its name and the kind the training data gave it (numeric, categorical, …).</summary>
public sealed record ModelInput(string Name, string Kind);
