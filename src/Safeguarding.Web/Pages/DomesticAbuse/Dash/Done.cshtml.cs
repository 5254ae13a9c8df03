using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Meetings;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Dash;

/// <summary>
/// What happens next, truthfully: a MARAC referral only when the assessor made one (a criterion held), otherwise that
/// none was made; and in every case the DRAMM list the Front Door will see it on.
/// </summary>
public sealed class DoneModel(CurrentActor current, RiskAssessmentRecords records, ChecklistLibrary checklists, SafeguardingDbContext db)
    : DashPageModel(current, records, checklists, db)
{
    /// <summary>The MARAC referral the assessor made on completing, if they made one.</summary>
    public Safeguarding.Core.DomesticAbuse.Marac.MaracReferral? Referral { get; private set; }
    /// <summary>The working day whose DRAMM list holds the checklist: the first list drawn after it was completed.</summary>
    public LocalDate DrammDay { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id, allowCompleted: true) is { } refused) return refused;
        if (Assessment.Status == AssessmentStatus.Draft) return Redirect($"/domestic-abuse/dash/{id}/check");
        Referral = await Db.MaracReferrals.AsNoTracking().Where(r => r.RiskAssessmentId == id && r.PartnershipId == Assessment.PartnershipId)
            .OrderBy(r => r.ReferredAt).FirstOrDefaultAsync();
        var listTime = await Db.DomesticAbuseSettings.AsNoTracking().Where(s => s.PartnershipId == Assessment.PartnershipId)
            .Select(s => (LocalTime?)s.DrammListTime).SingleOrDefaultAsync() ?? new DomesticAbuseSettings().DrammListTime;
        DrammDay = ListDayFor(Assessment.CompletedAt!.Value, listTime);
        return Page();
    }

    /// <summary>A list holds what arrived since the previous working day's list: the day is the first working day whose list time is after the moment.</summary>
    public static LocalDate ListDayFor(Instant completedAt, LocalTime listTime)
    {
        var local = completedAt.InZone(Households.London);
        return DrammList.IsDrammDay(local.Date) && local.TimeOfDay < listTime ? local.Date : MeetingCadence.NextWorkingDay(local.Date.PlusDays(1));
    }

    /// <summary>The criteria the checklist met, in words.</summary>
    public string Criteria() => string.Join(", ", new[]
    {
        Assessment.VisibleHighRisk ? "visible high risk" : null, Assessment.PotentialEscalation ? "potential escalation" : null,
        Assessment.RepeatMarac ? "repeat MARAC" : null, Assessment.ProfessionalJudgement ? "your professional judgement" : null,
    }.Where(x => x is not null));
}
