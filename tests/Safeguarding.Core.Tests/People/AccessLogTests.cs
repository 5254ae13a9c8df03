using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.People;

public sealed class AccessLogTests
{
    [Theory, BothDatabases]
    public async Task Who_has_looked_at_a_person_covers_their_attendance_flags_assessments_and_meetings_but_not_other_peoples(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var manager = await data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var child = new Person { PartnershipId = partnership.Id, GivenName = "Ava", FamilyName = "Example", DateOfBirth = new LocalDate(2016, 5, 1) };
        var other = new Person { PartnershipId = partnership.Id, GivenName = "Ben", FamilyName = "Example", DateOfBirth = new LocalDate(2015, 5, 1) };
        var assessment = new RiskAssessment { PartnershipId = partnership.Id, ChecklistCode = "dash", VictimPersonId = child.Id, AssessedByOrganisationId = council.Id };
        var series = new MeetingSeries { PartnershipId = partnership.Id, Name = "MARAC", ChairOrganisationId = council.Id };
        var meeting = new Meeting { PartnershipId = partnership.Id, SeriesId = series.Id };
        meeting.Agenda.Add(new AgendaItem { MeetingId = meeting.Id, SubjectKind = SubjectKind.Child, SubjectPersonId = child.Id, Reason = "listed" });
        await using (var db = database.NewContext())
        {
            db.Process = ProcessContext.System("test:arrange");
            db.People.AddRange(child, other);
            db.RiskAssessments.Add(assessment);
            db.MeetingSeries.Add(series);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(ct);
            var trail = new AuditTrail(db);
            var reader = new ProcessContext("test:reads", manager.Actor);
            foreach (var (type, id) in new[]
                     {
                         (LearnerAccess.ResourceType, child.Id), ("HealthFlag", child.Id), (RiskAssessmentRecords.ResourceType, assessment.Id),
                         (MeetingRecords.ResourceType, meeting.Id), (LearnerAccess.ResourceType, other.Id),
                     })
                await trail.RecordAsync(reader, AuditActions.Read, type, id.ToString(), AuditOutcome.Allowed, ct: ct);
        }

        await using var check = database.NewContext();
        var records = new PersonRecords(check, [new AttendanceRecordsAbout(), new DomesticAbuseRecordsAbout(check), new MeetingRecordsAbout(check)]);
        var log = await records.AccessLogAsync(child.Id, new ProcessContext("test:log", manager.Actor), ct);

        var reads = log!.Where(e => e.Process == "test:reads").Select(e => (e.ResourceType, e.ResourceId)).ToList();
        Assert.Equal(new[]
        {
            (MeetingRecords.ResourceType, (string?)meeting.Id.ToString()), (RiskAssessmentRecords.ResourceType, assessment.Id.ToString()),
            ("HealthFlag", child.Id.ToString()), (LearnerAccess.ResourceType, child.Id.ToString()),
        }, reads);
        Assert.Contains(log!, e => e.Process == "test:arrange" && e.ResourceType == nameof(Person) && e.ResourceId == child.Id.ToString());
        Assert.Contains(log!, e => e.Process == "test:arrange" && e.ResourceType == nameof(AgendaItem));
        Assert.DoesNotContain(log!, e => e.ResourceId == other.Id.ToString());
    }
}
