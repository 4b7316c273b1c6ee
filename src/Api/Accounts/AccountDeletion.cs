using AutoMl.Domain.Events;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Payments;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;

namespace AutoMl.Api.Accounts;

internal abstract record DeletionResult
{
    public sealed record Deleted : DeletionResult;
    public sealed record NoUser : DeletionResult;

    /// <summary>Stripe could not be reached to cancel the subscription: nothing was deleted.</summary>
    public sealed record BillingStillRunning(Exception Cause) : DeletionResult;
}

/// <summary>
/// Deletes an account so that nothing outlives it: first what costs money or holds resources elsewhere (the Stripe
/// subscription, live jobs and their holds, unfinished multipart uploads), then the rows and the blobs. The Stripe step
/// comes first and is the one that may fail: an account deleted with its subscription still billing cannot be found
/// again to stop it.
/// </summary>
internal sealed class AccountDeletion(
    AutoMlDbContext db,
    UserManager<AppUser> users,
    StripeGateway stripe,
    IOptions<StripeOptions> stripeOptions,
    JobSettlement settlement,
    DatasetRemoval datasets,
    IBlobStore blobs,
    SessionRevocations sessions,
    ILogger<AccountDeletion> logger)
{
    public async Task<DeletionResult> RunAsync(Guid userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return new DeletionResult.NoUser();
        }
        try
        {
            await CancelSubscriptionsAsync(userId, ct);
        }
        catch (Exception e) when (Payments.ProviderFailures.IsProviderFailure(e))
        {
            return new DeletionResult.BillingStillRunning(e);
        }
        await CancelJobsAsync(userId, ct);
        await AbortUploadsAsync(userId, ct);

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.OutboxEmails.Where(e => e.UserId == user.Id && e.SentAt == null).ExecuteDeleteAsync(ct);
            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded)
            {
                throw new InvalidOperationException("Deleting the account failed: " + string.Join("; ", deleted.Errors.Select(e => e.Code)));
            }
            await tx.CommitAsync(ct);
        }
        // The keys went with the account, but instances remember keys (and check cookies) only now and then.
        await sessions.EndAsync(user.Id);
        foreach (var prefix in BlobKeys.AllOfUser(user.Id))
        {
            await blobs.DeletePrefixAsync(prefix, ct);
        }
        return new DeletionResult.Deleted();
    }

    private async Task CancelSubscriptionsAsync(Guid userId, CancellationToken ct)
    {
        var customer = await db.Set<StripeCustomer>().AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId, ct);
        if (customer is null)
        {
            return;
        }
        if (!stripeOptions.Value.IsConfigured)
        {
            logger.LogWarning("Account {UserId} has Stripe customer {CustomerId} but Stripe is not configured; its subscriptions were not cancelled", userId, customer.CustomerId);
            return;
        }
        // Asked of Stripe, not read from our row: a subscription whose first webhook has not arrived yet is billing too.
        foreach (var subscription in await stripe.LiveSubscriptionsAsync(customer.CustomerId, ct))
        {
            if (subscription.Status is "canceled" or "incomplete_expired")
            {
                continue;
            }
            try
            {
                await stripe.CancelSubscriptionAsync(subscription.Id, ct);
                logger.LogInformation("Cancelled subscription {SubscriptionId} of account {UserId}, which is being deleted", subscription.Id, userId);
            }
            catch (StripeException e) when (e.StripeError?.Code == "resource_missing")
            {
                // Cancelled meanwhile (by Stripe's dunning or the billing portal): what we wanted.
            }
        }
    }

    private async Task CancelJobsAsync(Guid userId, CancellationToken ct)
    {
        var live = await db.Jobs.AsNoTracking().Where(j => j.UserId == userId && JobLifecycle.Abandon.FromArray.Contains(j.Status)).ToListAsync(ct);
        foreach (var job in live)
        {
            // Nothing is charged: the account goes, and its worker stops at the cancel request.
            var ending = new JobEnding(JobLifecycle.Abandon, 0, $"Job {job.Id:N} cancelled: the account is being deleted", new JobCancelled(0), new JobOutcome.Cancelled());
            await settlement.EndAsync(job, ending, ct);
        }
    }

    private async Task AbortUploadsAsync(Guid userId, CancellationToken ct)
    {
        // The data set removal knows where an unfinished upload's parts live and aborts it.
        foreach (var dataset in await db.Datasets.Where(d => d.UserId == userId && d.UploadId != null).ToListAsync(ct))
        {
            await datasets.DeleteAsync(dataset, ct);
        }
    }
}
