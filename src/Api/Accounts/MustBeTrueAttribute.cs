using System.ComponentModel.DataAnnotations;

namespace AutoMl.Api.Accounts;

/// <summary>A box the person must tick: false, or left out, is refused with the attribute's message.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MustBeTrueAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is true;
}
