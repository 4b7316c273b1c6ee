namespace AutoMl.Ml.Metrics;

public enum MetricKind
{
    Auc,
    LogLoss,
    Accuracy,
    F1,
    Precision,
    Recall,
    MacroF1,
    Rmse,
    Mae,
    R2,
}
