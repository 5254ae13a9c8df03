using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People.Review;

/// <summary>Possible matches the model would not decide alone, oldest first.</summary>
[RequirePermission(Resource.Person, Operation.Update)]
public sealed class IndexModel(CurrentActor current, SafeguardingDbContext db) : PageModel
{
    public sealed record Row(MatchReview Review, SourceRecord Record, string Organisation);

    public List<Row> Waiting { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var actor = await current.RequireAsync();
        var partnership = actor.PartnershipId;
        Waiting = (await db.MatchReviews.AsNoTracking()
                .Where(r => r.PartnershipId == partnership && (r.Decision == null || r.Decision == ReviewDecision.NotSure))
                .OrderBy(r => r.CreatedAt).Take(200)
                .Join(db.SourceRecords, r => r.SourceRecordId, s => s.Id, (r, s) => new { r, s })
                .Join(db.Organisations, x => x.s.OrganisationId, o => o.Id, (x, o) => new { x.r, x.s, o.Name })
                .ToListAsync())
            .Select(x => new Row(x.r, x.s, x.Name)).ToList();
        // The list shows names and dates of birth of records waiting: that is a read, recorded by count.
        db.QueueAudit(await current.ProcessAsync("match review"), Safeguarding.Core.Platform.Audit.AuditActions.Read, nameof(MatchReview), null,
            Safeguarding.Core.Platform.Audit.AuditOutcome.Allowed, $"{Waiting.Count} possible matches listed");
        await db.SaveChangesAsync();
    }
}
