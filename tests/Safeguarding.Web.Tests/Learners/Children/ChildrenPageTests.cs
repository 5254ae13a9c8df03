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

namespace Safeguarding.Web.Tests.Learners.Children;

/// <summary>The worklist of children whose attendance has fallen.</summary>
public sealed class ChildrenPageTests
{
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
        // A sealed pupil stays on the list (their attendance still needs acting on) but is not named to the Key Adult.
        var sealedPupil = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
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
                Enrolment(partnership.Id, other, "K2", absentLately, knownElsewhere.Id, year.StartYear),
                Enrolment(partnership.Id, school, "S1", absentLately, sealedPupil.Id, year.StartYear));
            foreach (var child in new[] { known, knownElsewhere, sealedPupil }) Notified(db, partnership.Id, police, school, child);
            db.People.Attach(sealedPupil).Entity.IsSealed = true;
        });
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(keyAdult);

        var response = await client.GetAsync("/learners/worklist?weeks=4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var names = (await response.HtmlAsync()).QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent).ToList();
        Assert.Equal(new[] { known.FullName, SealedPeople.Withheld }.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
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
