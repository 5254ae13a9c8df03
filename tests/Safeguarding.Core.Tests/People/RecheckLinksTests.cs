using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Rolls;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.People;

/// <summary>
/// The re-check run once after upgrading (<c>safeguard people recheck-links</c>): a link an incoming record made by
/// matching, before relationships were earned, that today's rule would hold is suspended into a held link for the
/// council and opens nothing until decided; links a reviewer or the setting's own first record made stand; running it
/// twice holds nothing twice.
/// </summary>
public sealed class RecheckLinksTests
{
    private static readonly ProcessContext Recheck = new("test:recheck", null, PersonIndex.RecheckPurpose, "local");

    // The person index with every module's hold sources and followers, as the modules register them (the CLI does the same).
    private static PersonIndex Index(SafeguardingDbContext db, out ServiceProvider services)
    {
        services = new ServiceCollection().AddSingleton(db).AddPeople().AddLearners().AddDomesticAbuse().BuildServiceProvider();
        return services.GetRequiredService<PersonIndex>();
    }

    private static async Task<RecheckLinksResult> RecheckAsync(TestDatabase database, bool dryRun)
    {
        await using var db = database.NewContext();
        var index = Index(db, out var services);
        await using var _ = services;
        return await index.RecheckLinksAsync(new RecheckLinksOptions(dryRun), Recheck, TestContext.Current.CancellationToken);
    }

    [Theory, BothDatabases]
    public async Task A_school_that_claimed_a_child_on_another_schools_roll_before_links_were_earned_is_held_and_then_opens_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var schoolA = await data.CreateOrganisationAsync(partnership.Id);
        var schoolB = await data.CreateOrganisationAsync(partnership.Id);
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var keyAdultB = await data.CreateUserAsync(schoolB, Role.SchoolKeyAdult);
        var frontDoor = await data.CreateUserAsync(council, Role.FrontDoorPractitioner);
        // Both schools' records matched the child before links were earned; school B's came later.
        var child = await data.CreatePersonAsync(partnership.Id, (schoolA, PersonLinkKind.RegisteredPupil), (schoolB, PersonLinkKind.RegisteredPupil));
        Guid recordB;
        await using (var db = database.NewContext())
        {
            db.Process = ProcessContext.System("test:arrange");
            (await db.PersonLinks.SingleAsync(l => l.PersonId == child.Id && l.OrganisationId == schoolB.Id, ct)).From = new LocalDate(2025, 1, 6);
            recordB = (await db.SourceRecords.SingleAsync(r => r.PersonId == child.Id && r.OrganisationId == schoolB.Id, ct)).Id;
            db.PupilRegistrations.Add(new PupilRegistration
            {
                PartnershipId = partnership.Id, OrganisationId = schoolB.Id, PersonId = child.Id, SourceRecordId = recordB, LocalId = "B-1",
                EnrolStatus = "C", LastListedAt = SystemClock.Instance.GetCurrentInstant(),
            });
            await db.SaveChangesAsync(ct);
        }
        await using (var db = database.NewContext())
            Assert.NotNull(await new PersonRecords(db, []).OpenAsync(child.Id, new ProcessContext("test:open", keyAdultB.Actor), ct));

        var dry = await RecheckAsync(database, dryRun: true);

        Assert.Equal((true, 2, 1), (dry.DryRun, dry.Checked, dry.Held));
        Assert.Equal(1, dry.ByReason["already on another setting's roll"]);
        await using (var db = database.NewContext())
        {
            Assert.True(await db.PersonLinks.AnyAsync(l => l.PersonId == child.Id && l.OrganisationId == schoolB.Id, ct));
            Assert.False(await db.HeldLinks.AnyAsync(ct));
        }

        var run = await RecheckAsync(database, dryRun: false);

        Assert.Equal((false, 2, 1), (run.DryRun, run.Checked, run.Held));
        await using (var db = database.NewContext())
        {
            // School A, whose link came first, keeps it; school B's is held with why and opens nothing.
            Assert.True(await db.PersonLinks.AnyAsync(l => l.PersonId == child.Id && l.OrganisationId == schoolA.Id, ct));
            Assert.False(await db.PersonLinks.AnyAsync(l => l.PersonId == child.Id && l.OrganisationId == schoolB.Id, ct));
            var held = await db.HeldLinks.SingleAsync(ct);
            Assert.Equal((child.Id, schoolB.Id, recordB, (HeldLinkDecision?)null), (held.PersonId, held.OrganisationId, held.SourceRecordId, held.Decision));
            Assert.Contains($"already on the roll of {schoolA.Name}", held.HeldBecause);
            var record = await db.SourceRecords.SingleAsync(r => r.Id == recordB, ct);
            Assert.Equal((held.ProvisionalPersonId, LinkOutcome.HeldForCouncil), (record.PersonId!.Value, record.Outcome));
            Assert.Equal(held.ProvisionalPersonId, (await db.PupilRegistrations.SingleAsync(r => r.OrganisationId == schoolB.Id, ct)).PersonId);
            await Assert.ThrowsAsync<ForbiddenException>(() => new PersonRecords(db, []).OpenAsync(child.Id, new ProcessContext("test:open", keyAdultB.Actor), ct));
            // Audited: the link's removal and the held link, under the re-check's process, and the run's summary.
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Process == Recheck.Process && e.ResourceType == nameof(PersonLink) && e.Action == AuditActions.Delete, ct));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Process == Recheck.Process && e.ResourceType == nameof(HeldLink) && e.Action == AuditActions.Create, ct));
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Process == Recheck.Process && e.Action == "recheck", ct));
        }

        var again = await RecheckAsync(database, dryRun: false);

        Assert.Equal(0, again.Held);
        await using (var db = database.NewContext())
            Assert.Equal(1, await db.HeldLinks.CountAsync(ct));

        // The council links it: the school's records, link and registration come back to the child.
        await using (var db = database.NewContext())
        {
            var index = Index(db, out var services);
            await using var _ = services;
            var heldId = (await db.HeldLinks.SingleAsync(ct)).Id;
            await index.DecideHeldLinkAsync(new DecideHeldLinkOptions(heldId, HeldLinkDecision.Linked, "Dual registration confirmed by both schools"),
                new ProcessContext("test:decide", frontDoor.Actor), ct);
        }
        await using (var db = database.NewContext())
        {
            Assert.Equal(LinkMade.HeldLinkApproved, (await db.PersonLinks.SingleAsync(l => l.PersonId == child.Id && l.OrganisationId == schoolB.Id, ct)).Made);
            Assert.Equal(child.Id, (await db.PupilRegistrations.SingleAsync(r => r.OrganisationId == schoolB.Id, ct)).PersonId);
            Assert.NotNull(await new PersonRecords(db, []).OpenAsync(child.Id, new ProcessContext("test:open", keyAdultB.Actor), ct));
        }
    }

    [Theory, BothDatabases]
    public async Task Links_to_a_child_on_a_plan_or_sealed_are_held_but_links_a_reviewer_or_the_setting_itself_made_stand(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var practice = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.GpPractice);
        var onPlan = await data.CreatePersonAsync(partnership.Id, (practice, PersonLinkKind.RegisteredPatient));
        var sealedChild = await data.CreatePersonAsync(partnership.Id, (practice, PersonLinkKind.RegisteredPatient));
        var planEnded = await data.CreatePersonAsync(partnership.Id, (practice, PersonLinkKind.RegisteredPatient));
        var approved = await data.CreatePersonAsync(partnership.Id, (practice, PersonLinkKind.RegisteredPatient));
        var startedByPractice = await data.CreatePersonAsync(partnership.Id, (practice, PersonLinkKind.RegisteredPatient));
        await using (var db = database.NewContext())
        {
            db.Process = ProcessContext.System("test:arrange");
            foreach (var (child, ended) in new[] { (onPlan, (LocalDate?)null), (planEnded, new LocalDate(2025, 6, 1)), (approved, null), (startedByPractice, null) })
                db.Add(new ChildProtectionPlan
                {
                    PartnershipId = partnership.Id, PersonId = child.Id, Category = ChildProtectionCategory.Neglect, StartDate = new LocalDate(2025, 1, 6),
                    EndDate = ended, RecordedByOrganisationId = practice.Id, RecordedAt = SystemClock.Instance.GetCurrentInstant(),
                });
            // The practice's link to the child on a plan was made while the plan was open; the ended plan had ended before
            // its child's link was made.
            (await db.PersonLinks.SingleAsync(l => l.PersonId == onPlan.Id, ct)).From = new LocalDate(2025, 2, 3);
            (await db.PersonLinks.SingleAsync(l => l.PersonId == planEnded.Id, ct)).From = new LocalDate(2025, 7, 1);
            (await db.People.SingleAsync(p => p.Id == sealedChild.Id, ct)).IsSealed = true;
            (await db.PersonLinks.SingleAsync(l => l.PersonId == approved.Id, ct)).Made = LinkMade.HeldLinkApproved;
            (await db.SourceRecords.SingleAsync(r => r.PersonId == startedByPractice.Id, ct)).Outcome = LinkOutcome.NewPerson;
            await db.SaveChangesAsync(ct);
        }

        var run = await RecheckAsync(database, dryRun: false);

        Assert.Equal((3, 2), (run.Checked, run.Held));
        Assert.Equal(1, run.ByReason[ChildProtectionPlans.HoldReason]);
        Assert.Equal(1, run.ByReason["sealed"]);
        await using var read = database.NewContext();
        Assert.Equal(new[] { onPlan.Id, sealedChild.Id }.Order(), (await read.HeldLinks.Select(h => h.PersonId).ToListAsync(ct)).Order());
        Assert.Contains("child protection plan", (await read.HeldLinks.SingleAsync(h => h.PersonId == onPlan.Id, ct)).HeldBecause);
        foreach (var standing in new[] { planEnded.Id, approved.Id, startedByPractice.Id })
            Assert.True(await read.PersonLinks.AnyAsync(l => l.PersonId == standing && l.OrganisationId == practice.Id, ct));
    }

    [Theory, BothDatabases]
    public async Task A_link_is_rechecked_by_the_facts_of_the_day_it_was_made_so_a_gp_link_older_than_a_marac_referral_or_a_plan_stands(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var practice = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.GpPractice);
        var idva = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.VoluntarySector);
        var registeredBeforeMarac = await data.CreatePersonAsync(partnership.Id, (practice, PersonLinkKind.RegisteredPatient));
        var registeredAtMarac = await data.CreatePersonAsync(partnership.Id, (practice, PersonLinkKind.RegisteredPatient));
        var registeredBeforePlan = await data.CreatePersonAsync(partnership.Id, (practice, PersonLinkKind.RegisteredPatient));
        var registeredAfterMaracClosed = await data.CreatePersonAsync(partnership.Id, (practice, PersonLinkKind.RegisteredPatient));
        var referred = new LocalDate(2025, 3, 3);
        await using (var db = database.NewContext())
        {
            db.Process = ProcessContext.System("test:arrange");
            foreach (var (child, linkFrom, closedAt) in new[]
            {
                (registeredBeforeMarac, referred.PlusDays(-1), (Instant?)null),
                (registeredAtMarac, referred, null),
                (registeredAfterMaracClosed, new LocalDate(2025, 9, 1), Instant.FromUtc(2025, 8, 1, 12, 0)),
            })
            {
                (await db.PersonLinks.SingleAsync(l => l.PersonId == child.Id, ct)).From = linkFrom;
                db.Add(new Safeguarding.Core.DomesticAbuse.Marac.MaracReferral
                {
                    PartnershipId = partnership.Id, VictimPersonId = child.Id, ReferredByOrganisationId = idva.Id,
                    ReferredAt = referred.AtStartOfDayInZone(Households.London).ToInstant().Plus(Duration.FromHours(10)), ReferralDate = referred,
                    VisibleHighRisk = true, ClosedAt = closedAt,
                    Status = closedAt is null ? Safeguarding.Core.DomesticAbuse.Marac.MaracReferralStatus.Waiting : Safeguarding.Core.DomesticAbuse.Marac.MaracReferralStatus.Closed,
                });
            }
            (await db.PersonLinks.SingleAsync(l => l.PersonId == registeredBeforePlan.Id, ct)).From = new LocalDate(2025, 1, 6);
            db.Add(new ChildProtectionPlan
            {
                PartnershipId = partnership.Id, PersonId = registeredBeforePlan.Id, Category = ChildProtectionCategory.Neglect, StartDate = new LocalDate(2025, 4, 7),
                RecordedByOrganisationId = practice.Id, RecordedAt = SystemClock.Instance.GetCurrentInstant(),
            });
            await db.SaveChangesAsync(ct);
        }

        var run = await RecheckAsync(database, dryRun: false);

        Assert.Equal((4, 1), (run.Checked, run.Held));
        await using var read = database.NewContext();
        Assert.Equal(registeredAtMarac.Id, (await read.HeldLinks.SingleAsync(ct)).PersonId);
        Assert.Contains("the child is at MARAC", (await read.HeldLinks.SingleAsync(ct)).HeldBecause);
        foreach (var standing in new[] { registeredBeforeMarac.Id, registeredBeforePlan.Id, registeredAfterMaracClosed.Id })
            Assert.True(await read.PersonLinks.AnyAsync(l => l.PersonId == standing && l.OrganisationId == practice.Id, ct));
    }
}
