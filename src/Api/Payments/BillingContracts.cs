using System.ComponentModel.DataAnnotations;

namespace AutoMl.Api.Payments;

/// <summary>Exactly one of pack (a credit pack id) or plan ("pro").</summary>
public sealed record CheckoutRequest([property: StringLength(64)] string? Pack, [property: StringLength(64)] string? Plan);

public sealed record RedirectView(string Url);

public sealed record PackView(string Id, string Name, long Credits, long PriceCents);

public sealed record PlanView(string Id, string Name, long PriceCents, long MonthlyCredits, string Interval);

public sealed record CatalogView(string Currency, IReadOnlyList<PackView> Packs, PlanView Plan, bool PaymentsEnabled);
