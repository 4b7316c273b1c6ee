using System.Net;
using System.Net.Http.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Accounts;

public sealed class SignUpConsentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task signup_stores_the_accepted_terms_version_and_when()
    {
        var email = ApiFactory.NewEmail();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await api.SignUpAsync(email, confirm: false);

        var user = await api.InDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal(Consent.TermsVersion, user.TermsVersion);
        Assert.InRange(user.TermsAcceptedAt!.Value, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(user.TermsAcceptedAt, user.AgeConfirmedAt);
    }

    [Fact]
    public async Task signup_without_accepting_the_terms_is_a_400_naming_the_field_and_creates_nothing()
    {
        var email = ApiFactory.NewEmail();

        var response = await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/signup", new { email, password = ApiFactory.GoodPassword, confirmAge = true });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var message = Assert.Single(Field(problem, "acceptTerms").EnumerateArray()).GetString();
        Assert.Equal("Accept the terms of service and the data-processing notice to create an account.", message);
        Assert.Contains(message!, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(await api.InDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task signup_without_confirming_the_minimum_age_is_a_400_naming_the_field_and_creates_nothing()
    {
        var email = ApiFactory.NewEmail();

        var response = await api.Browser().Http.PostAsJsonAsync("/api/v1/auth/signup",
            new { email, password = ApiFactory.GoodPassword, acceptTerms = true, confirmAge = false });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("at least 16 years old", Field(problem, "confirmAge")[0].GetString(), StringComparison.Ordinal);
        Assert.False(await api.InDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    private static System.Text.Json.JsonElement Field(System.Text.Json.JsonElement problem, string name)
    {
        // The request's validation names a field as the record does (AcceptTerms); the problem says which either way.
        var errors = problem.GetProperty("errors");
        var only = Assert.Single(errors.EnumerateObject());
        Assert.True(string.Equals(only.Name, name, StringComparison.OrdinalIgnoreCase), errors.ToString());
        return only.Value;
    }
}
