using AutoMl.Api.Outcomes;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Jobs;

/// <summary>POST /jobs/quote: what submitting the request would hold, refused exactly as the submission would refuse it, without holding anything.</summary>
internal sealed class JobQuote(AutoMlDbContext db, TrainingRequestCheck check)
{
    public async Task<Outcome<QuoteView>> QuoteAsync(Guid user, SubmitJobRequest request, CancellationToken ct)
    {
        if (!(await check.CheckAsync(user, request, ct)).IsDone(out var terms, out var refusal))
        {
            return refusal;
        }
        var available = await db.CreditAccounts.Where(a => a.UserId == user).Select(a => a.Balance - a.Held).SingleAsync(ct);
        return new QuoteView(terms.Price.Credits, terms.Price, available, terms.ExcludedByChecks, terms.Checks);
    }
}
