using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Accounts;

/// <summary>Forgot password under the production limits: mail bombing an address stops, the same way for every address.</summary>
public sealed class PasswordResetLimitTests(AuthAttackApiFactory api) : IClassFixture<AuthAttackApiFactory>
{
    [Fact]
    public async Task the_fourth_reset_mail_in_an_hour_is_refused_alike_for_a_real_and_a_missing_address()
    {
        var real = ApiFactory.NewEmail();
        await api.SignUpFromAsync(ClientAddressHeader.NewAddress(), real);
        var missing = ApiFactory.NewEmail();
        var refusals = new List<string>();

        foreach (var email in new[] { real, missing })
        {
            var bomber = api.BrowserFrom(ClientAddressHeader.NewAddress());
            for (var i = 0; i < 3; i++)
            {
                await (await bomber.Http.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email })).EnsureStatusAsync(HttpStatusCode.Accepted);
            }
            var refused = await bomber.Http.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email });
            var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.NotNull(refused.Headers.RetryAfter);
            // The wait counts down in real time between the two: compare the words, not the seconds.
            refusals.Add(System.Text.RegularExpressions.Regex.Replace(problem.GetProperty("detail").GetString()!, "[0-9]+", "N"));
        }

        Assert.Equal(refusals[0], refusals[1]);
        Assert.Contains("password reset requests", refusals[0], StringComparison.Ordinal);
        Assert.Equal(3, (await api.MailsToAsync(real, "password-reset")).Count);
    }
}
