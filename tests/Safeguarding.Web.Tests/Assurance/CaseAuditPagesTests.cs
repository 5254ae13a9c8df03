using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Assurance.CaseAudits;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Assurance;

/// <summary>
/// The case audit pages: the business manager writes a tool, sets up an audit (its sample drawn) and names an auditor; the
/// named auditor reads the case (the child's record and the MARAC case) and answers; an auditor not named is refused;
/// the lead grades.
/// </summary>
public sealed class CaseAuditPagesTests
{
    [Theory, BothDatabases]
    public async Task An_audit_is_set_up_sampled_answered_by_its_named_auditor_and_graded_and_an_auditor_not_named_is_refused(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var manager = await host.Data.CreateUserAsync(council, Role.PartnershipBusinessManager);
        var auditor = await host.Data.CreateUserAsync(police, Role.CaseAuditor);
        var notNamed = await host.Data.CreateUserAsync(council, Role.CaseAuditor);
        var today = SystemClock.Instance.GetCurrentInstant().InZone(CaseAudits.London).Date;
        var child = await HeardCaseWithChildAsync(host, partnership.Id, police.Id, SystemClock.Instance.GetCurrentInstant() - Duration.FromDays(20));

        var client = await host.SignInAsync(manager);
        var tool = await client.PostFormAsync("/assurance/case-audits/new?handler=Tool",
            new() { ["ToolName"] = "Multi-agency case audit", ["Questions"] = "Was the child heard?\nWas risk shared?" }, "/assurance/case-audits/new");
        Assert.Equal(HttpStatusCode.Redirect, tool.StatusCode);
        Guid toolId;
        await using (var db = host.NewContext())
            toolId = await db.Set<CaseAuditToolVersion>().Where(v => v.PartnershipId == partnership.Id).Select(v => v.Id).SingleAsync(ct);

        // A form with nothing chosen is refused with the GOV.UK error summary, and nothing is saved.
        var empty = await (await client.PostFormAsync("/assurance/case-audits/new", new() { ["Title"] = "" })).HtmlAsync();
        Assert.NotNull(empty.QuerySelector(".govuk-error-summary"));

        string D(LocalDate d, string part) => part == "d" ? d.Day.ToString() : part == "m" ? d.Month.ToString() : d.Year.ToString();
        var from = today.PlusDays(-60);
        var fields = new Dictionary<string, string>
        {
            ["Title"] = "MARAC cases with children", ["ToolVersionId"] = toolId.ToString(), ["Criteria"] = nameof(SampleCriteria.MaracCasesWithChildren),
            ["PeriodFrom.Day"] = D(from, "d"), ["PeriodFrom.Month"] = D(from, "m"), ["PeriodFrom.Year"] = D(from, "y"),
            ["PeriodTo.Day"] = D(today, "d"), ["PeriodTo.Month"] = D(today, "m"), ["PeriodTo.Year"] = D(today, "y"),
            ["SampleSize"] = "5", ["Seed"] = "42",
            ["OpensOn.Day"] = D(today, "d"), ["OpensOn.Month"] = D(today, "m"), ["OpensOn.Year"] = D(today, "y"),
            ["ClosesOn.Day"] = D(today.PlusDays(14), "d"), ["ClosesOn.Month"] = D(today.PlusDays(14), "m"), ["ClosesOn.Year"] = D(today.PlusDays(14), "y"),
        };
        var created = await client.PostFormAsync("/assurance/case-audits/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var auditUrl = created.Headers.Location!.OriginalString;
        var named = await client.PostFormAsync($"{auditUrl}?handler=Auditor", new() { ["AuditorUserId"] = auditor.User.Id.ToString() }, auditUrl);
        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        var auditPage = await (await client.GetAsync(auditUrl)).HtmlAsync();
        var caseUrl = auditPage.QuerySelector("a[href^='/assurance/case-audits/cases/']")!.GetAttribute("href")!;
        Assert.Contains(child.FullName, auditPage.Body!.TextContent);

        // The named auditor reads the case and answers for the police; an auditor not named is refused it.
        var auditorClient = await host.SignInAsync(auditor);
        var casePage = await (await auditorClient.GetAsync(caseUrl)).HtmlAsync();
        Assert.Contains(child.FullName, casePage.QuerySelector("h1")!.TextContent);
        Assert.Contains("The MARAC case", casePage.Body!.TextContent);
        var answered = await auditorClient.PostFormAsync($"{caseUrl}?handler=Answer", new() { ["Answers[0]"] = "Seen alone at school" }, caseUrl);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync(notNamed)).GetAsync(caseUrl)).StatusCode);

        // The lead sees the police's answer and grades the case.
        var graded = await client.PostFormAsync($"{caseUrl}?handler=Grade", new() { ["Grade"] = nameof(CaseGrade.Good), ["LearningPoints"] = "Heard the child" }, caseUrl);
        Assert.True(graded.StatusCode == HttpStatusCode.Redirect, (await graded.HtmlAsync()).QuerySelector(".govuk-error-summary")?.TextContent);
        var final = (await (await client.GetAsync(caseUrl)).HtmlAsync()).Body!.TextContent;
        Assert.Contains("Seen alone at school", final);
        Assert.Contains("Heard the child", final);
    }

    private static async Task<Person> HeardCaseWithChildAsync(TestHost host, Guid partnershipId, Guid police, Instant heardAt)
    {
        var household = new Household { PartnershipId = partnershipId, Address = "1 Test Street", Postcode = "LS1 1AA" };
        var victim = new Person { PartnershipId = partnershipId, GivenName = $"Victim{TestData.Next()}", FamilyName = "Testperson", DateOfBirth = new LocalDate(1990, 1, 1), HouseholdId = household.Id };
        var child = new Person { PartnershipId = partnershipId, GivenName = $"Child{TestData.Next()}", FamilyName = "Testperson", DateOfBirth = new LocalDate(2016, 1, 1), HouseholdId = household.Id };
        await host.Data.SaveAsync(db =>
        {
            db.Households.Add(household);
            db.People.AddRange(victim, child);
            db.MaracReferrals.Add(new MaracReferral
            {
                PartnershipId = partnershipId, VictimPersonId = victim.Id, ReferredByOrganisationId = police, ReferredAt = heardAt - Duration.FromDays(7),
                ReferralDate = (heardAt - Duration.FromDays(7)).InUtc().Date, Status = MaracReferralStatus.Heard, HeardAt = heardAt,
            });
        });
        return child;
    }
}
