using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace AutoMl.Infrastructure.Email;

public sealed class SendGridEmailSender(IHttpClientFactory http, IOptions<EmailDeliveryOptions> options) : IEmailSender
{
    public const string HttpClientName = "sendgrid";

    public async Task SendAsync(OutboxEmail email, CancellationToken ct)
    {
        var o = options.Value;
        var client = new SendGridClient(http.CreateClient(HttpClientName), new SendGridClientOptions { ApiKey = o.ApiKey, Host = o.Host.TrimEnd('/') });
        var message = MailHelper.CreateSingleEmail(new EmailAddress(o.FromEmail, o.FromName), new EmailAddress(email.To), email.Subject, email.TextBody, null);
        message.AddCustomArg("outbox_id", email.Id.ToString());
        var response = await client.SendEmailAsync(message, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"SendGrid answered {(int)response.StatusCode} {response.StatusCode}", null, response.StatusCode);
        }
    }
}
