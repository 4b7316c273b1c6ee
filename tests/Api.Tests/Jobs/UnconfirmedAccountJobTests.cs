using System.Net;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Jobs;

public sealed class UnconfirmedAccountJobTests(QueuedOnlyPlatformFactory platform) : IClassFixture<QueuedOnlyPlatformFactory>
{
    [Fact]
    public async Task a_job_refused_for_credits_before_confirmation_says_to_confirm_the_address()
    {
        var user = await platform.SignUpAsync(confirm: false);
        var dataset = await user.Http.ReadyDatasetAsync();

        var response = await user.Http.SubmitAsync(dataset, "species", 60);

        var problem = await response.ProblemAsync(HttpStatusCode.PaymentRequired);
        Assert.Contains("Confirm your email to receive the welcome bonus", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
