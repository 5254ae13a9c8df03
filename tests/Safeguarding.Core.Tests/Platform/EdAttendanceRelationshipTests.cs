using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Health.EmergencyDepartment;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Platform;

/// <summary>
/// ADR-024: an emergency department attendance gives the attending trust a relationship with the young person for its
/// safeguarding work for 12 months after the arrival, weighed by the one access policy as a link when the person's record
/// is opened (audited as any read): another trust gets nothing, it lapses, a seal still holds, and the nurse sees only her
/// own trust's part of the record.
/// </summary>
public sealed class EdAttendanceRelationshipTests
{
    // Wednesday 2 December 2026, 09:00 in London (GMT).
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 2, 9, 0);

    private static ProcessContext As(TestUser user) => new("test", user.Actor);

    [Theory, BothDatabases]
    public async Task A_recent_attendance_lets_the_trusts_nurse_open_the_young_person_and_it_lapses_after_12_months_and_gives_another_trust_nothing(DatabaseProvider provider)
    {
        await using var w = await TestWorld.CreateAsync(provider, Now);
        var ct = TestContext.Current.CancellationToken;
        var hospital = await w.OrganisationAsync(OrganisationType.HospitalTrust);
        var otherHospital = await w.OrganisationAsync(OrganisationType.HospitalTrust);
        var school = await w.OrganisationAsync(OrganisationType.School);
        var nurse = await w.UserAsync(hospital, Role.EdSafeguardingNurse);
        var otherNurse = await w.UserAsync(otherHospital, Role.EdSafeguardingNurse);

        var recent = await w.Data.CreatePersonAsync(w.PartnershipId);
        var lapsed = await w.Data.CreatePersonAsync(w.PartnershipId);
        var onTheDay = await w.Data.CreatePersonAsync(w.PartnershipId);
        var sealedPerson = await w.Data.CreatePersonAsync(w.PartnershipId);
        var attendances = new List<EdAttendance>();
        await w.Data.SaveAsync(db =>
        {
            void Attended(Person person, Organisation trust, Instant at)
            {
                var a = new EdAttendance
                {
                    PartnershipId = w.PartnershipId, HospitalOrganisationId = trust.Id, AttendanceReference = Guid.NewGuid().ToString(), PersonId = person.Id,
                    ArrivedAt = at, AgeAtArrival = 15, Received = "{}", Fingerprint = "f", ReceivedAt = at,
                };
                attendances.Add(a);
                db.Add(a);
            }
            Attended(recent, hospital, Instant.FromUtc(2026, 1, 10, 12, 0));
            // 00:30 on 2 December 2025 in London is the first moment that still relates; a minute before midnight does not.
            Attended(onTheDay, hospital, Instant.FromUtc(2025, 12, 2, 0, 30));
            Attended(lapsed, hospital, Instant.FromUtc(2025, 12, 1, 23, 59));
            Attended(sealedPerson, hospital, Instant.FromUtc(2026, 11, 30, 12, 0));
            db.People.Single(p => p.Id == sealedPerson.Id).IsSealed = true;
            // Another agency's record of the young person: the nurse's role does not reach it.
            db.SourceRecords.Add(new SourceRecord
            {
                PartnershipId = w.PartnershipId, OrganisationId = school.Id, SourceSystem = "roll", LocalId = "pupil-1", Received = "{}", ReceivedAt = Now,
                GivenName = "A", FamilyName = "B", PersonId = recent.Id, Outcome = LinkOutcome.LinkedAutomatically,
            });
        });

        await using var db = w.NewContext();
        var people = new PersonRecords(db, [], [new EdAttendanceRelationship(db)]);
        var opened = await people.OpenAsync(recent.Id, As(nurse), ct);
        Assert.True(opened!.Decision.Allowed);
        Assert.NotNull(await people.OpenAsync(onTheDay.Id, As(nurse), ct));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceType == PersonRecords.ResourceType && e.ResourceId == recent.Id.ToString()
            && e.Action == AuditActions.Read && e.ActorUserId == nurse.User.Id, ct));
        // Her trust's part of the record only: no other agency's record, no "known to" list beyond her own.
        var details = await people.DetailsAsync(opened.Person, As(nurse), ct);
        Assert.Empty(details.AgencyRecords);
        Assert.Empty(details.Links);

        await Assert.ThrowsAsync<ForbiddenException>(() => people.OpenAsync(lapsed.Id, As(nurse), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => people.OpenAsync(recent.Id, As(otherNurse), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => people.OpenAsync(sealedPerson.Id, As(nurse), ct));
        // Without a module's relationship the trust's nurse reaches no one: a hospital earns no link.
        await Assert.ThrowsAsync<ForbiddenException>(() => new PersonRecords(db, []).OpenAsync(recent.Id, As(nurse), ct));

        // The attendance's page offers the young person's record exactly when the person's page would open.
        var ed = new EdAttendances(db);
        Assert.True((await ed.OpenAsync(attendances[0].Id, As(nurse), ct))!.MayOpenPerson);
        Assert.False((await ed.OpenAsync(attendances[2].Id, As(nurse), ct))!.MayOpenPerson);
    }
}
