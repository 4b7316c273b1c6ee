using System.Security.Claims;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Infrastructure.Events;

/// <summary>
/// /hubs/events. Lives here rather than in the API because workers send through it too: SignalR's Redis
/// backplane names its channels after the hub type, so both processes must use the same one.
/// </summary>
[Authorize]
public sealed class EventsHub(AutoMlDbContext db) : Hub
{
    public const string Method = "event";
    private const int ResumeLimit = 1000;

    public static string GroupOf(Guid userId) => $"user:{userId:N}";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(UserId()));
        await base.OnConnectedAsync();
    }

    /// <summary>Sends the caller every event after <paramref name="afterSeq"/>, oldest first; returns how many.</summary>
    public async Task<int> Resume(long afterSeq)
    {
        var user = UserId();
        var missed = await db.JobEvents.AsNoTracking()
            .Where(e => e.UserId == user && e.Seq > afterSeq)
            .OrderBy(e => e.Seq)
            .Take(ResumeLimit)
            .ToListAsync(Context.ConnectionAborted);
        foreach (var e in missed)
        {
            await Clients.Caller.SendAsync(Method, EventMessage.From(e), Context.ConnectionAborted);
        }
        return missed.Count;
    }

    private Guid UserId() =>
        Guid.Parse(Context.User?.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new HubException("Not signed in."));
}
