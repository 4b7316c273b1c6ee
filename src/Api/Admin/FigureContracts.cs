using AutoMl.Domain.Credits;

namespace AutoMl.Api.Admin;

/// <summary>The platform per UTC day, from and to inclusive, every day present (zeros included).</summary>
public sealed record PlatformFiguresView(DateOnly From, DateOnly To, IReadOnlyList<DayFiguresView> Days);

/// <param name="SignUps">Accounts created that day.</param>
/// <param name="ActiveUsers">Accounts that signed in, uploaded a data set, submitted a job or were charged for predictions that day.</param>
public sealed record DayFiguresView(DateOnly Day, int SignUps, int ActiveUsers, JobDayFigures Jobs, IReadOnlyList<CreditFlowView> Credits,
    IReadOnlyList<RevenueView> Revenue, QueueDayFigures Queue, FailureDayFigures Failures);

/// <param name="Submitted">Jobs created that day.</param>
/// <param name="Succeeded">Jobs that ended that day, by how they ended.</param>
public sealed record JobDayFigures(int Submitted, int Succeeded, int Failed, int Cancelled);

/// <summary>Credits that entered (In) and left (Out) balances that day by ledger entry kind; holds and releases move no balance and are left out.</summary>
public sealed record CreditFlowView(CreditEntryKind Kind, long In, long Out);

/// <summary>Stripe payments that credited an account that day, gross of later refunds, per currency.</summary>
public sealed record RevenueView(string Currency, int Payments, long AmountCents, long Credits);

/// <param name="DepthAtEnd">Jobs waiting to start at the day's end (midnight UTC).</param>
/// <param name="Started">Jobs that started that day; the waits are theirs, from submission to start.</param>
public sealed record QueueDayFigures(int DepthAtEnd, int Started, double? AverageWaitSeconds, double? P95WaitSeconds);

/// <param name="Jobs">Jobs that failed that day.</param>
/// <param name="Datasets">Data sets uploaded that day that could not be read.</param>
public sealed record FailureDayFigures(int Jobs, int Datasets);
