namespace AutoMl.Sdk;

/// <summary>The platform per UTC day, every day of the range present.</summary>
public sealed class PlatformFigures
{
    /// <summary>The first day.</summary>
    public DateOnly From { get; init; }

    /// <summary>The last day.</summary>
    public DateOnly To { get; init; }

    /// <summary>One entry per day, oldest first.</summary>
    public IReadOnlyList<DayFigures> Days { get; init; } = [];
}

/// <summary>One UTC day of the platform.</summary>
public sealed class DayFigures
{
    /// <summary>The day.</summary>
    public DateOnly Day { get; init; }

    /// <summary>Accounts created.</summary>
    public int SignUps { get; init; }

    /// <summary>Accounts that signed in, uploaded, submitted a job or paid for predictions.</summary>
    public int ActiveUsers { get; init; }

    /// <summary>Jobs submitted and ended.</summary>
    public JobDayFigures Jobs { get; init; } = new();

    /// <summary>Credits in and out by ledger entry kind.</summary>
    public IReadOnlyList<CreditFlow> Credits { get; init; } = [];

    /// <summary>Stripe payments per currency, gross of later refunds.</summary>
    public IReadOnlyList<RevenueDay> Revenue { get; init; } = [];

    /// <summary>The queue at the day's end and the wait of the jobs that started.</summary>
    public QueueDayFigures Queue { get; init; } = new();

    /// <summary>What failed.</summary>
    public FailureDayFigures Failures { get; init; } = new();
}

/// <summary>Jobs submitted that day, and those that ended that day by how they ended.</summary>
public sealed class JobDayFigures
{
    /// <summary>Jobs created.</summary>
    public int Submitted { get; init; }

    /// <summary>Jobs that succeeded.</summary>
    public int Succeeded { get; init; }

    /// <summary>Jobs that failed.</summary>
    public int Failed { get; init; }

    /// <summary>Jobs cancelled.</summary>
    public int Cancelled { get; init; }
}

/// <summary>Credits that entered and left balances through one kind of ledger entry.</summary>
public sealed class CreditFlow
{
    /// <summary>The entry kind, e.g. purchase, adReward, capture, prediction.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>Credits added.</summary>
    public long In { get; init; }

    /// <summary>Credits taken.</summary>
    public long Out { get; init; }
}

/// <summary>Stripe payments of one currency.</summary>
public sealed class RevenueDay
{
    /// <summary>The currency, lower case (eur, usd).</summary>
    public string Currency { get; init; } = string.Empty;

    /// <summary>How many payments.</summary>
    public int Payments { get; init; }

    /// <summary>Their sum in the currency's smallest unit.</summary>
    public long AmountCents { get; init; }

    /// <summary>The credits they bought.</summary>
    public long Credits { get; init; }
}

/// <summary>The job queue on a day.</summary>
public sealed class QueueDayFigures
{
    /// <summary>Jobs waiting to start at the day's end (midnight UTC).</summary>
    public int DepthAtEnd { get; init; }

    /// <summary>Jobs that started.</summary>
    public int Started { get; init; }

    /// <summary>Their average wait from submission to start, in seconds; null when none started.</summary>
    public double? AverageWaitSeconds { get; init; }

    /// <summary>The 95th percentile of that wait, in seconds.</summary>
    public double? P95WaitSeconds { get; init; }
}

/// <summary>Failures on a day.</summary>
public sealed class FailureDayFigures
{
    /// <summary>Jobs that failed.</summary>
    public int Jobs { get; init; }

    /// <summary>Uploaded data sets that could not be read.</summary>
    public int Datasets { get; init; }
}
