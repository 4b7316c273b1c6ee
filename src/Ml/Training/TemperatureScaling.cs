namespace AutoMl.Ml.Training;

/// <summary>
/// Multiclass probabilities p are rescaled as softmax(log p / T). T is fitted on out-of-fold predictions
/// by a 1-D search on log loss; T = 1 means no change.
/// </summary>
public static class TemperatureScaling
{
    private const double Eps = 1e-15;

    public static double Fit(double[] y, double[] p, int[] rows, int classCount)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(rows);
        var best = 1.0;
        var bestLoss = LogLoss(y, p, rows, classCount, 1);
        for (var step = 0; step <= 60; step++)
        {
            var t = Math.Exp(Math.Log(0.25) + step * (Math.Log(4) - Math.Log(0.25)) / 60);
            var loss = LogLoss(y, p, rows, classCount, t);
            if (loss < bestLoss - 1e-9)
            {
                bestLoss = loss;
                best = t;
            }
        }

        return best;
    }

    public static void Apply(Span<double> probabilities, double temperature)
    {
        if (Math.Abs(temperature - 1) < 1e-12)
        {
            return;
        }

        var max = double.NegativeInfinity;
        for (var k = 0; k < probabilities.Length; k++)
        {
            probabilities[k] = Math.Log(Math.Max(probabilities[k], Eps)) / temperature;
            max = Math.Max(max, probabilities[k]);
        }

        double sum = 0;
        for (var k = 0; k < probabilities.Length; k++)
        {
            probabilities[k] = Math.Exp(probabilities[k] - max);
            sum += probabilities[k];
        }

        for (var k = 0; k < probabilities.Length; k++)
        {
            probabilities[k] /= sum;
        }
    }

    private static double LogLoss(double[] y, double[] p, int[] rows, int k, double t)
    {
        Span<double> buffer = stackalloc double[k];
        double total = 0;
        foreach (var r in rows)
        {
            p.AsSpan(r * k, k).CopyTo(buffer);
            Apply(buffer, t);
            total -= Math.Log(Math.Max(buffer[(int)y[r]], Eps));
        }

        return total / rows.Length;
    }
}
