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
using static Safeguarding.Web.Tests.Learners.LearnerPageData;

namespace Safeguarding.Web.Tests.Learners.Children.Child;

/// <summary>A child's attendance page: whose pupils a key adult may open.</summary>
public sealed class ChildPageTests
{
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
}
