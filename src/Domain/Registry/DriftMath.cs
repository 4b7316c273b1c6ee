namespace AutoMl.Domain.Registry;

/// <summary>How far apart two distributions on the same bins are, and what the monitor makes of it.</summary>
public static class DriftMath
{
    public const double DefaultWarn = 0.1;
    public const double DefaultAlert = 0.2;

    /// <summary>A window this small says more about chance than about the data: its drift is not judged.</summary>
    public const int MinimumRows = 500;

    /// <summary>
    /// The Jensen-Shannon distance in base 2: the square root of the divergence, from 0 (the same distribution) to 1
    /// (no bin in common). Both inputs are shares (or counts: each is normalised first).
    /// </summary>
    public static double JensenShannon(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        if (p.Count != q.Count)
        {
            throw new ArgumentException("Both distributions must be on the same bins.", nameof(q));
        }
        var a = FeatureBaselines.Normalise(p);
        var b = FeatureBaselines.Normalise(q);
        var divergence = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var m = (a[i] + b[i]) / 2;
            divergence += Term(a[i], m) / 2 + Term(b[i], m) / 2;
        }
        return Math.Sqrt(Math.Clamp(divergence, 0, 1));
    }

    private static double Term(double x, double m) => x <= 0 ? 0 : x * Math.Log2(x / m);

    public static string Level(double distance, double warn, double alert) =>
        distance >= alert ? "alert" : distance >= warn ? "warn" : "ok";
}
