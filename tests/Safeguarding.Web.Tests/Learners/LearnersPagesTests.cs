using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Learners;

/// <summary>The learners pages: who sees which figures, whose attendance, and the worklist.</summary>
public sealed class LearnersPagesTests
{
    private static readonly AcademicYear Year = new(2024);

    private static byte[] Marks(int present, int absent) =>
        [.. Enumerable.Repeat(SessionCodes.ToByte("/"), present), .. Enumerable.Repeat(SessionCodes.ToByte("N"), absent)];

    private static Enrolment Enrolment(Guid partnershipId, Organisation school, string upn, byte[] sessions, Guid? personId = null, int year = 2024) => new()
    {
        PartnershipId = partnershipId, AcademicYear = year, Upn = upn, Urn = school.Urn!, PersonId = personId, DateOfBirth = new LocalDate(year - 9, 3, 1),
        Sex = "F", YearGroup = "4", SenProvision = "N", Sessions = sessions,
    };

    [Theory, BothDatabases]
    public async Task A_key_adult_sees_their_own_schools_figures_only_even_when_asking_for_another(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var other = await host.Data.CreateOrganisationAsync(partnership.Id);
        // Five pupils: the smallest number whose figures are shown (small-number suppression, ADR-014).
        await host.Data.SaveAsync(db => db.Enrolments.AddRange([
            .. Enumerable.Range(1, 5).Select(i => Enrolment(partnership.Id, school, $"A{i}", Marks(90, 10))),
            Enrolment(partnership.Id, other, "B1", Marks(100, 0)), Enrolment(partnership.Id, other, "B2", Marks(100, 0))]));
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(keyAdult);

        var page = await client.GetAsync($"/learners?school={other.Urn}&by=school");
        var csv = await client.GetAsync($"/learners?handler=csv&school={other.Urn}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.HtmlAsync();
        Assert.Contains("your own school's figures only", html.Body!.TextContent);
        var rows = html.QuerySelectorAll("table.govuk-table tbody tr").Select(r => r.QuerySelector("th")!.TextContent).ToList();
        Assert.Equal([school.Name], rows);
        Assert.NotNull(html.QuerySelector("svg[role=img] title"));
        var text = await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"school,{school.Urn} {school.Name},5,500,450,0,50,5,0,10,0,10,100,0", text);
        Assert.DoesNotContain(other.Urn!, text);
    }

    [Theory, BothDatabases]
    public async Task An_analyst_sees_every_school_but_no_childs_attendance(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var other = await host.Data.CreateOrganisationAsync(partnership.Id);
        var child = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        await host.Data.SaveAsync(db => db.Enrolments.AddRange([
            Enrolment(partnership.Id, school, "A1", Marks(90, 10), child.Id), .. Enumerable.Range(2, 4).Select(i => Enrolment(partnership.Id, school, $"A{i}", Marks(95, 5))),
            .. Enumerable.Range(1, 5).Select(i => Enrolment(partnership.Id, other, $"B{i}", Marks(100, 0)))]));
        var analyst = await host.Data.CreateUserAsync(council, Role.Analyst);
        var client = await host.SignInAsync(analyst);

        var page = await client.GetAsync("/learners?by=school");
        var childPage = await client.GetAsync($"/learners/children/{child.Id}");
        var worklist = await client.GetAsync("/learners/worklist");

        // The first table is attendance by school; the CME and EHE tables follow it.
        var rows = (await page.HtmlAsync()).QuerySelector("table.govuk-table")!.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("th")!.TextContent).ToList();
        Assert.Equal(new[] { school.Name, other.Name }.Order(StringComparer.Ordinal), rows);
        Assert.Equal(HttpStatusCode.Forbidden, childPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, worklist.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_key_adult_opens_their_pupils_attendance_but_not_another_schools_and_both_are_audited(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var other = await host.Data.CreateOrganisationAsync(partnership.Id);
        var pupil = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var elsewhere = await host.Data.CreatePersonAsync(partnership.Id, (other, PersonLinkKind.RegisteredPupil));
        await host.Data.SaveAsync(db =>
        {
            db.Enrolments.AddRange(Enrolment(partnership.Id, school, "A1", Marks(90, 10), pupil.Id), Enrolment(partnership.Id, other, "B1", Marks(100, 0), elsewhere.Id));
            db.Suspensions.Add(new Suspension
            {
                PartnershipId = partnership.Id, AcademicYear = 2024, Upn = "A1", Urn = school.Urn!, PersonId = pupil.Id, StartDate = new LocalDate(2024, 11, 4),
                Sessions = 4, Reason = "Persistent disruptive behaviour",
            });
        });
        // The pupil was home educated before joining the school: the page shows the spell on the register.
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        await host.Data.SaveAsync(db =>
        {
            var record = new SourceRecord
            {
                PartnershipId = partnership.Id, OrganisationId = council.Id, SourceSystem = "council-registers", LocalId = "ehe-1", Received = "{}",
                PersonId = pupil.Id, Outcome = LinkOutcome.NewPerson,
            };
            db.SourceRecords.Add(record);
            db.LearnerRegisterEntries.Add(new LearnerRegisterEntry
            {
                PartnershipId = partnership.Id, Register = LearnerRegister.ElectiveHomeEducation, PersonId = pupil.Id, SourceRecordId = record.Id,
                From = new LocalDate(2023, 9, 4), To = new LocalDate(2024, 7, 19), Reason = "Parents' choice", LastSchoolUrn = other.Urn,
            });
        });
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(keyAdult);

        var own = await client.GetAsync($"/learners/children/{pupil.Id}");
        var notOwn = await client.GetAsync($"/learners/children/{elsewhere.Id}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var html = await own.HtmlAsync();
        Assert.Equal(pupil.FullName, html.QuerySelector("h1")!.TextContent);
        Assert.Contains("Persistently absent", html.Body!.TextContent);
        Assert.Contains("Persistent disruptive behaviour", html.Body.TextContent);
        var spell = html.QuerySelectorAll("table.govuk-table tbody tr").Select(r => r.TextContent).Single(t => t.Contains("Elective home education"));
        Assert.Contains("Parents' choice", spell);
        Assert.Contains(other.Name, spell);
        Assert.Equal(100, html.QuerySelectorAll("svg rect").Length);
        Assert.Equal(HttpStatusCode.Forbidden, notOwn.StatusCode);
        Assert.DoesNotContain(elsewhere.GivenName, (await notOwn.HtmlAsync()).Body!.TextContent);
        await using var db = host.NewContext();
        var reads = await db.AuditEntries.Where(e => e.ResourceType == LearnerAccess.ResourceType).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(AuditOutcome.Allowed, reads.Single(e => e.ResourceId == pupil.Id.ToString()).Outcome);
        Assert.Equal(AuditOutcome.Denied, reads.Single(e => e.ResourceId == elsewhere.Id.ToString()).Outcome);
    }

    [Theory, BothDatabases]
    public async Task The_worklist_lists_a_child_known_to_safeguarding_who_crossed_10_percent_lately_for_their_school(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var other = await host.Data.CreateOrganisationAsync(partnership.Id);
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var known = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var notKnown = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var knownElsewhere = await host.Data.CreatePersonAsync(partnership.Id, (other, PersonLinkKind.RegisteredPupil));
        // Present until four weeks ago, absent since: over 10% of possible sessions now, none four weeks ago.
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        var year = AcademicYear.Containing(today);
        var fourWeeksAgo = year.FirstSessionOnOrAfter(today.PlusWeeks(-4));
        var absentLately = Marks(fourWeeksAgo, year.FirstSessionOnOrAfter(today) - fourWeeksAgo);
        await host.Data.SaveAsync(db =>
        {
            db.Enrolments.AddRange(
                Enrolment(partnership.Id, school, "K1", absentLately, known.Id, year.StartYear),
                Enrolment(partnership.Id, school, "N1", absentLately, notKnown.Id, year.StartYear),
                Enrolment(partnership.Id, other, "K2", absentLately, knownElsewhere.Id, year.StartYear));
            foreach (var child in new[] { known, knownElsewhere }) Notified(db, partnership.Id, police, school, child);
        });
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(keyAdult);

        var response = await client.GetAsync("/learners/worklist?weeks=4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var names = (await response.HtmlAsync()).QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent).ToList();
        Assert.Equal([known.FullName], names);
        await using var db = host.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceType == LearnerAccess.ResourceType && e.ResourceId == known.Id.ToString()
                                                        && e.Details == "listed on the attendance worklist", TestContext.Current.CancellationToken));
    }

    private static void Notified(SafeguardingDbContext db, Guid partnershipId, Organisation police, Organisation school, Safeguarding.Core.People.Person child)
    {
        var incident = new DomesticIncident
        {
            PartnershipId = partnershipId, ForceOrganisationId = police.Id, PoliceReference = $"INC-{Guid.NewGuid():N}"[..20], Received = "{}",
        };
        var incidentChild = new IncidentChild { IncidentId = incident.Id, GivenName = child.GivenName, FamilyName = child.FamilyName, PersonId = child.Id };
        incident.Children.Add(incidentChild);
        db.DomesticIncidents.Add(incident);
        db.EncompassNotifications.Add(new EncompassNotification
        {
            PartnershipId = partnershipId, IncidentId = incident.Id, IncidentChildId = incidentChild.Id, ChildPersonId = child.Id,
            RecipientOrganisationId = school.Id, Content = "{}",
        });
    }
}
