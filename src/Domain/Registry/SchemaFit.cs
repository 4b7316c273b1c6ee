namespace AutoMl.Domain.Registry;

/// <summary>One input column of a model: its name and the kind the featuriser gave it (numeric, categorical, ...).</summary>
public sealed record SchemaColumn(string Name, string Kind);

/// <summary>
/// Whether a model may become a version of a registered model. Clients of an endpoint send the rows the first
/// version took; a later version must predict the same target for the same task from columns those rows hold, each
/// read the same way. It may take fewer columns (the rest of a row is ignored), never a new or retyped one.
/// </summary>
public static class SchemaFit
{
    /// <returns>Each difference as a sentence; empty when the model fits.</returns>
    public static IReadOnlyList<string> Differences(
        string? registeredTask, string? registeredTarget, IReadOnlyList<SchemaColumn>? registered,
        string task, string target, IReadOnlyList<SchemaColumn> model)
    {
        var differences = new List<string>();
        if (registeredTask is not null && registeredTask != task)
        {
            differences.Add($"the registered model is a {registeredTask} model and this one is {task}");
        }
        if (registeredTarget is not null && registeredTarget != target)
        {
            differences.Add($"the registered model predicts '{registeredTarget}' and this one predicts '{target}'");
        }
        if (registered is null)
        {
            return differences;
        }
        var known = registered.ToDictionary(c => c.Name, c => c.Kind, StringComparer.Ordinal);
        foreach (var column in model)
        {
            if (!known.TryGetValue(column.Name, out var kind))
            {
                differences.Add($"this model reads the column '{column.Name}', which the registered model's rows do not have");
            }
            else if (kind != column.Kind)
            {
                differences.Add($"this model reads '{column.Name}' as {column.Kind} where the registered model reads it as {kind}");
            }
        }
        return differences;
    }
}
