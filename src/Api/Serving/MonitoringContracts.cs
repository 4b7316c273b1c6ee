using AutoMl.Infrastructure.Registry;

namespace AutoMl.Api.Serving;

/// <param name="Bins">The bins' names, fixed on the training data (missing, under/overflow and deciles, or top categories and other).</param>
/// <param name="Shares">The training rows' share per bin.</param>
public sealed record BaselineView(string Feature, string Kind, IReadOnlyList<string> Bins, IReadOnlyList<double> Shares);

/// <param name="Skipped">True when the window had under 500 rows: counted, not judged.</param>
/// <param name="Features">Per feature: counts on the baseline's bins, skew (from training), drift (from the window before), level.</param>
public sealed record MonitorWindowView(DateTimeOffset Start, DateTimeOffset End, int Rows, int? Version, bool Skipped, IReadOnlyList<FeatureWindow> Features);

/// <param name="Version">The version whose training baseline is shown: the one the alias names now.</param>
/// <param name="WindowHours">How long one window is.</param>
/// <param name="Warn">The default warning line of the Jensen-Shannon distance; a feature may have its own in thresholds.</param>
/// <param name="Windows">Oldest first.</param>
public sealed record MonitoringView(
    int? Version,
    int WindowHours,
    double Warn,
    double Alert,
    IReadOnlyDictionary<string, ThresholdView> Thresholds,
    IReadOnlyList<BaselineView> Baselines,
    IReadOnlyList<MonitorWindowView> Windows);

public sealed record ThresholdView(double Warn, double Alert);

/// <param name="Kind">drift (two windows in a row past the alert line) or data_quality (at once).</param>
public sealed record AlertView(Guid Id, string Endpoint, string Kind, string Feature, string Message, DateTimeOffset WindowStart, DateTimeOffset CreatedAt);

/// <param name="WindowHours">1 to 168: how long a monitoring window is.</param>
/// <param name="Thresholds">Per feature, its own warning and alert lines (0 to 1, warn below alert). Replaces the whole set: send every feature that keeps its own lines; an empty object resets all to the defaults.</param>
public sealed record UpdateMonitoringRequest(int? WindowHours = null, IReadOnlyDictionary<string, ThresholdView>? Thresholds = null);
