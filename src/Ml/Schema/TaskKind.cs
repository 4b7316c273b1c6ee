namespace AutoMl.Ml.Schema;

public enum TaskKind
{
    Binary,
    Multiclass,
    Regression,
}
