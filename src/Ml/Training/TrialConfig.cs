using System.Globalization;

namespace AutoMl.Ml.Training;

public sealed record TrialConfig(Learner Learner, IReadOnlyDictionary<string, double> Parameters)
{
    public double Get(string name, double fallback) => Parameters.TryGetValue(name, out var v) ? v : fallback;

    public int GetInt(string name, int fallback) => (int)Math.Round(Get(name, fallback));

    public override string ToString() =>
        Learner + "(" + string.Join(", ", Parameters.Select(p => p.Key + "=" + p.Value.ToString("G4", CultureInfo.InvariantCulture))) + ")";
}
