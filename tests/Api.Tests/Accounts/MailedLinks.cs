using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure.Email;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Accounts;

/// <summary>The outbox as the user's mailbox: the mails an address got, and the link a mail carries.</summary>
internal static class MailedLinks
{
    public static Task<List<OutboxEmail>> MailsToAsync(this ApiFactory api, string to, string template) =>
        api.InDbAsync(db => db.OutboxEmails.Where(e => e.To == to && e.Template == template).OrderBy(e => e.CreatedAt).ToListAsync());

    /// <summary>The query of the newest such mail's only link into the dashboard page <paramref name="page"/>.</summary>
    public static async Task<Dictionary<string, string>> LinkQueryAsync(this ApiFactory api, string to, string template, string page)
    {
        var mail = (await api.MailsToAsync(to, template)).Last();
        var line = mail.TextBody.Split('\n').Single(l => l.StartsWith("http", StringComparison.Ordinal) && new Uri(l).AbsolutePath == page);
        return QueryHelpers.ParseQuery(new Uri(line).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }
}
