namespace AutoMl.Ml.Training;

/// <summary>One search dimension; the search moves in [0, 1] and maps to the value (log scale when <see cref="Log"/>).</summary>
public sealed record HyperParameter(string Name, double Low, double High, double Initial, bool Log, bool Whole)
{
    public double ToUnit(double value)
    {
        if (High <= Low)
        {
            return 0;
        }

        var u = Log ? (Math.Log(value) - Math.Log(Low)) / (Math.Log(High) - Math.Log(Low)) : (value - Low) / (High - Low);
        return Math.Clamp(u, 0, 1);
    }

    public double FromUnit(double unit)
    {
        unit = Math.Clamp(unit, 0, 1);
        var value = Log ? Math.Exp(Math.Log(Low) + unit * (Math.Log(High) - Math.Log(Low))) : Low + unit * (High - Low);
        return Whole ? Math.Round(value) : value;
    }
}
