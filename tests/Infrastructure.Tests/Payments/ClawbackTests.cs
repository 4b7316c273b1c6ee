using AutoMl.Domain.Payments;

namespace AutoMl.Infrastructure.Tests.Payments;

public sealed class ClawbackTests
{
    [Theory]
    [InlineData(500, 500, 500, 500)]
    [InlineData(3000, 2000, 500, 750)]
    [InlineData(1200, 1000, 1, 2)]
    [InlineData(1200, 1000, 5000, 1200)]
    [InlineData(1200, 1000, 0, 0)]
    public void a_reversal_takes_back_credits_in_proportion_rounded_up(long credits, long paid, long reversed, long expected) =>
        Assert.Equal(expected, Clawback.CreditsFor(credits, paid, reversed));
}
