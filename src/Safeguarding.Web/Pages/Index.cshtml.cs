using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages;

/// <summary>The signed-in user's work: what they can do, and what waits for them.</summary>
public sealed class IndexModel(CurrentActor current, SafeguardingDbContext db) : PageModel
{
    public Actor? Actor { get; private set; }
    public int BreakGlassWaiting { get; private set; }
    public List<(string ResourceId, NodaTime.Instant At)> RecentlyOpened { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Actor = await current.RequireAsync();
        var partnership = Actor.PartnershipId;
        if (Actor.HasAny(Resource.BreakGlassReview, Operation.Review))
            BreakGlassWaiting = await db.BreakGlassAccesses.CountAsync(b => b.PartnershipId == partnership && b.ReviewedAt == null);
        var userId = Actor.UserId;
        RecentlyOpened = (await db.AuditEntries.AsNoTracking()
                .Where(e => e.ActorUserId == userId && e.ResourceType == "Person" && e.Action == AuditActions.Read && e.Outcome == AuditOutcome.Allowed)
                .OrderByDescending(e => e.Sequence).Take(5).Select(e => new { e.ResourceId, e.At }).ToListAsync())
            .Select(e => (e.ResourceId!, e.At)).ToList();
    }
}
