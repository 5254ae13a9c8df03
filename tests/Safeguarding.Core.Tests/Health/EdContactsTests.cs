using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Health.EmergencyDepartment;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Health;

/// <summary>
/// Contacts from the emergency department, on both databases: from an attendance, the trust's safeguarding nurse sends
/// one contact about the child to the Front Door, which decides it within a working day; the attendance then shows the
/// contact and the outcome in the referrer's words. Only the trust that may act on the attendance sends it; bad input
/// saves nothing; another partnership finds nothing.
/// </summary>
public sealed class EdContactsTests
{
    // Monday 2 November 2026, 09:00.
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 2, 9, 0);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class World(TestWorld world) : TestWorld(world)
    {
        public Organisation Hospital { get; private set; } = null!;
        public TestUser Nurse { get; private set; } = null!;
        public TestUser OtherTrustNurse { get; private set; } = null!;
        public TestUser TrustSafeguarding { get; private set; } = null!;
        public TestUser FrontDoor { get; private set; } = null!;
        public TestUser OtherPartnershipNurse { get; private set; } = null!;
        public EdAttendance Attendance { get; private set; } = null!;

        public static async Task<World> CreateAsync(DatabaseProvider provider)
        {
            var w = new World(await TestWorld.CreateAsync(provider, Now));
            w.Hospital = await w.OrganisationAsync(OrganisationType.HospitalTrust);
            var council = await w.OrganisationAsync(OrganisationType.CouncilService);
            w.Nurse = await w.UserAsync(w.Hospital, Role.EdSafeguardingNurse);
            w.OtherTrustNurse = await w.UserAsync(await w.OrganisationAsync(OrganisationType.HospitalTrust), Role.EdSafeguardingNurse);
            // The trust's own safeguarding team without the ED's role: it may not act on the department's record.
            w.TrustSafeguarding = await w.UserAsync(w.Hospital, Role.HealthSafeguardingPractitioner);
            w.FrontDoor = await w.UserAsync(council, Role.FrontDoorPractitioner);
            var other = await w.Data.CreatePartnershipAsync();
            w.OtherPartnershipNurse = await w.Data.CreateUserAsync(await w.Data.CreateOrganisationAsync(other.Id, OrganisationType.HospitalTrust), Role.EdSafeguardingNurse);
            var child = await w.Data.CreatePersonAsync(w.PartnershipId);
            w.Attendance = new EdAttendance
            {
                PartnershipId = w.PartnershipId, HospitalOrganisationId = w.Hospital.Id, AttendanceReference = "ED-2026-0042", PersonId = child.Id,
                ArrivedAt = Now - Duration.FromHours(5), AgeAtArrival = 14, Assault = true, Mechanism = InjuryMechanism.KnifeOrSharpObject,
                ReceivedAt = Now - Duration.FromHours(4), Received = "{}", Fingerprint = "ED-2026-0042",
            };
            await w.Data.SaveAsync(db => db.Add(w.Attendance));
            return w;
        }

        public async Task<T> WithAsync<T>(Func<EdAttendances, Task<T>> act)
        {
            await using var db = NewContext();
            return await act(new EdAttendances(db));
        }

        public async Task<List<FrontDoorContact>> ContactsAsync()
        {
            await using var db = NewContext();
            return await db.Set<FrontDoorContact>().AsNoTracking().ToListAsync(Ct);
        }
    }

    private static ProcessContext As(TestUser user) => new("test", user.Actor);

    [Theory, BothDatabases]
    public async Task The_nurse_sends_one_contact_from_the_attendance_and_reads_the_front_doors_outcome_there_in_the_referrers_words(DatabaseProvider provider)
    {
        await using var w = await World.CreateAsync(provider);
        var before = (await w.WithAsync(e => e.OpenAsync(w.Attendance.Id, As(w.Nurse), Ct)))!;
        Assert.Equal((null, true), (before.Contact, before.MaySendContact));

        var id = await w.WithAsync(e => e.SendContactAsync(new SendEdContactOptions(w.Attendance.Id, "Stab wound; will not say who did it."), As(w.Nurse), Ct));

        var contact = Assert.Single(await w.ContactsAsync());
        Assert.Equal((id, ContactSource.EmergencyDepartment, (Guid?)w.Attendance.Id, (Guid?)w.Hospital.Id, (Guid?)w.Nurse.User.Id, w.Attendance.PersonId),
            (contact.Id, contact.Source, contact.SourceRecordId, contact.FromOrganisationId, contact.FromUserId, contact.PersonId));
        Assert.Contains("ED-2026-0042", contact.Concern);
        Assert.EndsWith("Stab wound; will not say who did it.", contact.Concern);
        Assert.Equal(Instant.FromUtc(2026, 11, 3, 9, 0), contact.DecisionDueAt); // the next working day
        var waiting = (await w.WithAsync(e => e.OpenAsync(w.Attendance.Id, As(w.Nurse), Ct)))!;
        Assert.Equal(("Waiting for the Front Door's decision", false), (waiting.Contact!.Outcome, waiting.MaySendContact));

        // Once per attendance: a second send is refused and adds nothing.
        await Assert.ThrowsAsync<InvalidOperationException>(() => w.WithAsync(e => e.SendContactAsync(new SendEdContactOptions(w.Attendance.Id, "Again"), As(w.Nurse), Ct)));
        Assert.Single(await w.ContactsAsync());

        w.Clock.AdvanceHours(2);
        await using (var db = w.NewContext())
            await new FrontDoorContacts(db).DecideAsync(new DecideContactOptions(id, ContactDecision.Assessment, "Knife injury at 14; 24A suspected."), As(w.FrontDoor), Ct);

        var decided = (await w.WithAsync(e => e.OpenAsync(w.Attendance.Id, As(w.Nurse), Ct)))!;
        Assert.Equal((id, "Accepted for assessment", contact.ReceivedAt), (decided.Contact!.ContactId, decided.Contact.Outcome, decided.Contact.SentAt));
        Assert.DoesNotContain(typeof(EdContactSent).GetProperties(), p => p.Name is "Reason" or "Factors" or "DecisionReason");
        await using (var db = w.NewContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceType == FrontDoorContacts.ResourceType && e.ResourceId == id.ToString()
                && e.Action == AuditActions.Read && e.ActorUserId == w.Nurse.User.Id, Ct));
            // The nurse's own organisation reads it back on the referrer's pages too.
            Assert.Equal("Accepted for assessment", (await new FrontDoorContacts(db).OpenSentAsync(id, As(w.Nurse), Ct))!.Outcome);
        }
    }

    [Theory, BothDatabases]
    public async Task Only_the_trust_that_may_act_on_the_attendance_sends_a_contact_and_bad_input_saves_nothing(DatabaseProvider provider)
    {
        await using var w = await World.CreateAsync(provider);
        var send = new SendEdContactOptions(w.Attendance.Id, "Worried about the child.");

        foreach (var refused in new[] { w.OtherTrustNurse, w.TrustSafeguarding, w.FrontDoor })
            await Assert.ThrowsAsync<ForbiddenException>(() => w.WithAsync(e => e.SendContactAsync(send, As(refused), Ct)));
        await Assert.ThrowsAsync<NotFoundException>(() => w.WithAsync(e => e.SendContactAsync(send, As(w.OtherPartnershipNurse), Ct)));
        foreach (var concern in new[] { null, "  ", new string('x', EdAttendances.MaxContactConcern + 1) })
            await Assert.ThrowsAsync<ArgumentException>(() => w.WithAsync(e => e.SendContactAsync(send with { Concern = concern }, As(w.Nurse), Ct)));
        Assert.Empty(await w.ContactsAsync());

        // Another trust's nurse may not open the attendance either; another partnership does not find it.
        await Assert.ThrowsAsync<ForbiddenException>(() => w.WithAsync(e => e.OpenAsync(w.Attendance.Id, As(w.OtherTrustNurse), Ct)));
        Assert.Null(await w.WithAsync(e => e.OpenAsync(w.Attendance.Id, As(w.OtherPartnershipNurse), Ct)));
    }
}
