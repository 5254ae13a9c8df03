using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Dash;

public sealed class IndexModel(CurrentActor current, SafeguardingDbContext db) : PageModel
{
    public sealed record IncidentRow(Guid Id, string Reference, string Victim, Instant OccurredAt);
    public sealed record DraftRow(Guid Id, string Victim, LocalDate IncidentDate, int Answered);

    public List<DraftRow> Drafts { get; private set; } = [];
    public List<IncidentRow> Incidents { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var actor = await current.RequireAsync();
        var drafts = await db.RiskAssessments.AsNoTracking()
            .Where(a => a.PartnershipId == actor.PartnershipId && a.Status == AssessmentStatus.Draft && a.AssessedByUserId == actor.UserId)
            .OrderByDescending(a => a.StartedAt).Take(50).ToListAsync();
        var victimIds = drafts.Where(d => d.VictimPersonId != null).Select(d => d.VictimPersonId!.Value).ToList();
        var names = await db.People.AsNoTracking().Where(p => victimIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName);
        Drafts = drafts.Select(d => new DraftRow(d.Id, d.VictimPersonId is { } v && names.TryGetValue(v, out var n) ? n : "Not linked", d.IncidentDate,
            RiskAssessmentRecords.AnswersOf(d).Count)).ToList();

        // Police officers see their own force's incidents of the last week without a completed checklist, the most recently
        // reported first; the Front Door sees all.
        var isPolice = await db.Organisations.AnyAsync(o => o.Id == actor.OrganisationId && o.Type == OrganisationType.PoliceForce);
        var since = db.Clock.GetCurrentInstant() - Duration.FromDays(7);
        var incidents = db.DomesticIncidents.AsNoTracking()
            .Where(i => i.PartnershipId == actor.PartnershipId && i.IsLatest && i.ReceivedAt >= since)
            .Where(i => !db.RiskAssessments.Any(a => a.IncidentId == i.Id && a.Status == AssessmentStatus.Completed));
        if (isPolice) incidents = incidents.Where(i => i.ForceOrganisationId == actor.OrganisationId);
        Incidents = await incidents.OrderByDescending(i => i.ReportedAt).Take(50)
            .Select(i => new IncidentRow(i.Id, i.PoliceReference,
                i.Adults.Where(a => a.Role == IncidentAdultRole.Victim).Select(a => a.GivenName + " " + a.FamilyName).FirstOrDefault() ?? "Not named", i.OccurredAt))
            .ToListAsync();
        db.QueueAudit(await current.ProcessAsync(), AuditActions.Read, "RiskAssessmentWorklist", null, AuditOutcome.Allowed, $"{Drafts.Count} drafts, {Incidents.Count} incidents");
        await db.SaveChangesAsync();
    }
}
