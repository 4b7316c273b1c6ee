namespace AutoMl.Sdk;

/// <summary>The values of <see cref="EndpointAlert.Kind"/>.</summary>
public static class AlertKinds
{
    /// <summary>A feature past its alert line for two windows in a row (one can be chance).</summary>
    public const string Drift = "drift";

    /// <summary>A break in the data, raised at once: a column missing from a request, a jump in missing values, unseen categories, values of the wrong type.</summary>
    public const string DataQuality = "data_quality";
}
