namespace AutoMl.Ml.Schema;

/// <summary>The rule the evaluation scripts use, so the engine and the yardstick never disagree.</summary>
public static class TaskInference
{
    public const int MaxClassesBeforeRegression = 20;

    public static TaskKind Infer(bool isNumeric, long distinctValues)
    {
        if (isNumeric && distinctValues > MaxClassesBeforeRegression)
        {
            return TaskKind.Regression;
        }

        return distinctValues == 2 ? TaskKind.Binary : TaskKind.Multiclass;
    }

    public static TaskKind Infer(ColumnSchema target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Infer(target.Kind == ColumnKind.Numeric, target.DistinctCount);
    }
}
