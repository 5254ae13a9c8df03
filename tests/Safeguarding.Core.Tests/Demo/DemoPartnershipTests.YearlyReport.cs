using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Demo;

/// <summary>
/// The small demo's yearly report: a draft of the 12 complete months before the seed that first says where the demo's
/// figures differ from the seed's and why, and a lead partner at each of the council, the ICB and the police.
/// </summary>
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

    [Theory, BothDatabases]
    public async Task Small_demo_report_opens_by_saying_why_its_figures_differ_from_the_seeds(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var partnershipId = await DemoPartnershipIdAsync(db);

        var report = await db.Set<YearlyReport>().AsNoTracking().SingleAsync(r => r.PartnershipId == partnershipId, ct);
        var about = JsonSerializer.Deserialize<List<ReportSection>>(report.Sections, EditionSnapshot.Json)![0];
        Assert.Equal((DemoYearlyReport.AboutKey, SectionKind.About), (about.Key, about.Kind));
        Assert.Contains("about 1/230 of the city's", about.WhatWasDone);
        Assert.Contains("four weeks", about.WhatWasDone);
    }

    [Fact]
    public void About_the_demonstration_names_the_learners_year_and_the_training_year_only_when_the_period_misses_them()
    {
        var today = new LocalDate(2026, 12, 7);

        var lastTwelveMonths = DemoYearlyReport.About(DemoScale.City, new LocalDate(2025, 12, 1), new LocalDate(2026, 11, 30), today).WhatWasDone!;
        Assert.Contains("280 schools, 136,799 pupils", lastTwelveMonths);
        Assert.Contains("2026/27, which so far holds only the marks up to 7 December 2026 and has no January census yet", lastTwelveMonths);
        Assert.Contains("April 2025 to March 2026: this period covers only part of it", lastTwelveMonths);

        var reportingYear = DemoYearlyReport.About(DemoScale.City, new LocalDate(2025, 4, 1), new LocalDate(2026, 3, 31), today).WhatWasDone!;
        Assert.DoesNotContain("academic year the period ends in", reportingYear);
        Assert.DoesNotContain("training year", reportingYear);
        Assert.Contains("four weeks", reportingYear);
    }
}
