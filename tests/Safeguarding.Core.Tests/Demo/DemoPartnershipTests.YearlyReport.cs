using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Demo;

/// <summary>The small demo's yearly report: a draft of the 12 complete months before the seed, and a lead partner at each of the council, the ICB and the police.</summary>
public sealed partial class DemoPartnershipTests
{
    [Theory, BothDatabases]
    public async Task Small_demo_has_a_yearly_report_draft_and_one_lead_partner_at_each_of_the_three_partners(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var partnershipId = await DemoPartnershipIdAsync(db);

        var report = await db.Set<YearlyReport>().AsNoTracking().SingleAsync(r => r.PartnershipId == partnershipId, ct);
        Assert.Equal(report.From.PlusYears(1).PlusDays(-1), report.To);
        Assert.Equal(1, report.From.Day);
        Assert.Contains("Priority one", report.Sections);
        Assert.False(await db.Set<ReportEdition>().AnyAsync(e => e.ReportId == report.Id, ct));
        var partners = await db.Users.AsNoTracking().Where(u => u.PartnershipId == partnershipId && u.Roles.Any(r => r.Role == Role.SafeguardingPartner))
            .Join(db.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => o.Type).ToListAsync(ct);
        Assert.Equal([OrganisationType.CouncilService, OrganisationType.IntegratedCareBoard, OrganisationType.PoliceForce], partners.OrderBy(p => p.ToString(), StringComparer.Ordinal));
    }
}
