using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AutoMl.Infrastructure.Tests.Email;

public sealed class EmailTemplateTests
{
    [Fact]
    public void every_template_is_queued_with_links_built_from_the_public_url()
    {
        var options = new DbContextOptionsBuilder<AutoMlDbContext>();
        PostgresSetup.Configure(options, "Host=127.0.0.1;Database=unused");
        using var db = new AutoMlDbContext(options.Options);
        var platform = Options.Create(new PlatformOptions { PublicUrl = "https://automl.example.com/" });
        var templates = new EmailTemplates(new EmailOutbox(db, platform, TimeProvider.System, NullLogger<EmailOutbox>.Instance), platform);
        var user = Guid.NewGuid();
        var job = Guid.NewGuid();
        var dataset = Guid.NewGuid();

        var emails = new[]
        {
            templates.VerifyEmail(user, "a@example.com", new Uri("https://automl.example.com/verify-email?token=t")),
            templates.JobFinished(user, "a@example.com", job, "price", "rmse", 0.123456),
            templates.LowBalance(user, "a@example.com", 12),
            templates.PaymentReceipt(user, "a@example.com", "500 credits", 500, 500, "usd", "cs_test_1"),
            templates.DatasetDeletionWarning(user, "a@example.com", dataset, "sales.csv", new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero)),
            templates.JobFailed(user, "a@example.com", job, "price", "The data set was deleted before the job started."),
        };

        Assert.Equal(["verify-email", "job-finished", "low-balance", "payment-receipt", "dataset-deletion-warning", "job-failed"], emails.Select(e => e.Template));
        Assert.All(emails, e => Assert.Contains("https://automl.example.com/", e.TextBody, StringComparison.Ordinal));
        Assert.DoesNotContain("//jobs", emails[1].TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://automl.example.com/jobs/{job}", emails[1].TextBody, StringComparison.Ordinal);
        Assert.Contains("0.1235", emails[1].TextBody, StringComparison.Ordinal);
        Assert.Contains("5.00 USD", emails[3].TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://automl.example.com/datasets/{dataset}", emails[4].TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://automl.example.com/jobs/{job}", emails[5].TextBody, StringComparison.Ordinal);
        Assert.Contains("No credits were charged", emails[5].TextBody, StringComparison.Ordinal);
        Assert.Equal(6, db.ChangeTracker.Entries<OutboxEmail>().Count());
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(5, 480)]
    [InlineData(9, 3600)]
    [InlineData(40, 3600)]
    public void failed_sends_back_off_exponentially_up_to_an_hour(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxSender.Backoff(attempts));
}
