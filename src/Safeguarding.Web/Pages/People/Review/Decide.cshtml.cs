using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Linkage.Model;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People.Review;

/// <summary>The two records side by side with each field's evidence and weight, and the practitioner's decision.</summary>
[RequirePermission(Resource.Person, Operation.Update)]
public sealed class DecideModel(CurrentActor current, SafeguardingDbContext db, PersonIndex index) : PageModel
{
    [BindProperty] public ReviewDecision? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public MatchReview? Review { get; private set; }
    public SourceRecord? Record { get; private set; }
    public string RecordOrganisation { get; private set; } = "";
    public Person? Candidate { get; private set; }
    public List<(SourceRecord Record, string Organisation)> CandidateRecords { get; private set; } = [];
    public List<FieldEvidence> Evidence { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Review!.Decision is ReviewDecision.SamePerson or ReviewDecision.DifferentPeople) return Redirect("/people/review");
        if (Decision is null) ModelState.AddModelError(nameof(Decision), "Select whether these are the same person");
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Say why, for example what the agency confirmed");
        else if (Reason.Length > 2000) ModelState.AddModelError(nameof(Reason), "Reason must be 2,000 characters or fewer");
        if (!ModelState.IsValid) return Page();

        var actor = await current.RequireAsync();
        await index.DecideAsync(actor, id, Decision!.Value, Reason!.Trim(), await current.ProcessAsync("match review"));
        return Redirect("/people/review");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var actor = await current.RequireAsync();
        var partnership = actor.PartnershipId;
        Review = await db.MatchReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.PartnershipId == partnership);
        if (Review is null) return false;
        Record = await db.SourceRecords.AsNoTracking().SingleAsync(r => r.Id == Review.SourceRecordId);
        Candidate = await db.People.AsNoTracking().SingleAsync(p => p.Id == Review.CandidatePersonId);
        var candidateRecords = await index.SourceRecordsOfAsync(Candidate.Id);
        var orgIds = candidateRecords.Select(r => r.OrganisationId).Append(Record.OrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        RecordOrganisation = names.GetValueOrDefault(Record.OrganisationId, "");
        CandidateRecords = candidateRecords.Select(r => (r, names.GetValueOrDefault(r.OrganisationId, ""))).ToList();
        Evidence = JsonSerializer.Deserialize<List<FieldEvidence>>(Review.Evidence, PersonIndex.EvidenceJson) ?? [];
        // Looking at two people's details side by side is a read of both.
        var process = await current.ProcessAsync("match review");
        db.QueueAudit(process, Safeguarding.Core.Platform.Audit.AuditActions.Read, PersonRecords.ResourceType, Candidate.Id.ToString(), Safeguarding.Core.Platform.Audit.AuditOutcome.Allowed, "match review");
        if (Record.PersonId is { } provisional)
            db.QueueAudit(process, Safeguarding.Core.Platform.Audit.AuditActions.Read, PersonRecords.ResourceType, provisional.ToString(), Safeguarding.Core.Platform.Audit.AuditOutcome.Allowed, "match review");
        await db.SaveChangesAsync();
        return true;
    }
}
