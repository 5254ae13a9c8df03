using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Safeguarding.Core.Data;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.SupportRegister;

/// <summary>
/// C(E)TRs and admissions on both databases: an admission without a community C(E)TR is an exception with a root-cause
/// review and a post-admission C(E)TR due in working days (bank holidays not counted, the number a setting); holding it
/// starts the inpatient clock; discharge stops the clocks; the referral stops the referral clock and waits on the unit's
/// queue; every overdue clock escalates to the unit once; a school never sees C(E)TRs.
/// </summary>
public sealed class CetrsTests
{
    private static ProcessContext As(TestUser user) => new("test", user.Actor);

    private sealed record World(TestDatabase Database, TestUser Coordinator, TestUser Lead, TestUser KeyAdult, TestUser SocialWorker, Guid EntryId, Guid SecondEntryId, Person Child);

    /// <summary>Two children on the register (consent covering their school), rated red at <paramref name="redAt"/> by the lead practitioner.</summary>
    private static async Task<World> WorldAsync(TestDatabase database, FakeClock clock, Instant redAt)
    {
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var icb = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.IntegratedCareBoard);
        var trust = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust);
        var school = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var child = await data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil), (council, PersonLinkKind.OpenCase));
        var second = await data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var coordinator = await data.CreateUserAsync(icb, Role.ComplexNeedsCoordinator);
        var lead = await data.CreateUserAsync(trust, Role.HealthSafeguardingPractitioner);
        var ids = new List<Guid>();
        clock.Reset(redAt);
        await using (var db = database.NewContext(clock))
        {
            var register = new SupportRegisterEntries(db);
            foreach (var person in new[] { child, second })
            {
                var id = await register.SuggestAsync(new SuggestEntryOptions(person.Id, SupportNeed.Autism, lead.User.Id, "CAMHS, school", "At home", "Crisis calls", "Grandmother", null),
                    As(coordinator), TestContext.Current.CancellationToken);
                await register.RecordConsentAsync(new RecordConsentOptions(id, ConsentGiver.ParentalResponsibility, "Jo Example", new LocalDate(2026, 12, 1), true, false),
                    As(coordinator), TestContext.Current.CancellationToken);
                await register.RateAsync(new RateEntryOptions(id, SupportRatingLevel.Red, "Crisis at home", "Police called"), As(lead), TestContext.Current.CancellationToken);
                ids.Add(id);
            }
        }
        return new World(database, coordinator, lead, await data.CreateUserAsync(school, Role.SchoolKeyAdult), await data.CreateUserAsync(council, Role.SocialWorker),
            ids[0], ids[1], child);
    }

    [Theory, BothDatabases]
    public async Task An_admission_without_a_community_cetr_is_an_exception_whose_post_admission_cetr_is_due_in_working_days_across_christmas(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 23, 9, 0));
        var w = await WorldAsync(database, clock, Instant.FromUtc(2026, 12, 23, 9, 0));
        clock.Reset(Instant.FromUtc(2026, 12, 23, 15, 0));
        Guid admissionId;
        await using (var db = database.NewContext(clock))
        {
            var cetrs = new Cetrs(db);
            // A school reading the entry under consent, and a social worker who is not the lead, never reach C(E)TRs.
            await Assert.ThrowsAsync<ForbiddenException>(() => cetrs.OpenAsync(w.EntryId, As(w.KeyAdult), ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => cetrs.QueueAsync(As(w.KeyAdult), ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => cetrs.OpenAsync(w.EntryId, As(w.SocialWorker), ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => cetrs.RecordAdmissionAsync(
                new AdmissionOptions(w.EntryId, new LocalDate(2026, 12, 23), "Example Hospital", false, true), As(w.KeyAdult), ct));
            await Assert.ThrowsAsync<ArgumentException>(() => cetrs.RecordAdmissionAsync(new AdmissionOptions(w.EntryId, new LocalDate(2026, 12, 24), "Example Hospital", false, true), As(w.Lead), ct));

            admissionId = await cetrs.RecordAdmissionAsync(new AdmissionOptions(w.EntryId, new LocalDate(2026, 12, 23), "Example Hospital", false, true), As(w.Lead), ct);
        }
        await using (var db = database.NewContext(clock))
        {
            var seen = (await new Cetrs(db).OpenAsync(w.EntryId, As(w.Coordinator), ct))!;
            // Blue, by a rating row with who and why; the referral clock stopped.
            Assert.Equal(((SupportRatingLevel?)SupportRatingLevel.Blue, (LocalDate?)null), (seen.Rating, seen.ReferralDue));
            var blue = await db.Set<SupportRating>().Where(r => r.EntryId == w.EntryId).OrderByDescending(r => r.RatedAt).FirstAsync(ct);
            Assert.Equal((SupportRatingLevel.Blue, (Guid?)w.Lead.User.Id), (blue.Rating, blue.RatedByUserId));
            // The exception's root-cause review, and the post-admission C(E)TR: 24, 29, 30, 31 December, 4 to 8 and 11 January (25, 28 December and 1 January are bank holidays).
            Assert.Null(Assert.Single(seen.Admissions).RootCauseReview!.CompletedAt);
            var owed = Assert.Single(seen.Cetrs);
            Assert.Equal((CetrKind.PostAdmission, (LocalDate?)new LocalDate(2027, 1, 11)), (owed.Kind, owed.Due));

            // The setting changes it to NHS England's interim 5 for admissions after; the first keeps its date.
            await Assert.ThrowsAsync<ForbiddenException>(() => new Cetrs(db).ChangeSettingsAsync(new CetrSettingsOptions(5, 3), As(w.Lead), ct));
            await new Cetrs(db).ChangeSettingsAsync(new CetrSettingsOptions(5, 3), As(w.Coordinator), ct);
            await new Cetrs(db).RecordAdmissionAsync(new AdmissionOptions(w.SecondEntryId, new LocalDate(2026, 12, 23), "Example Hospital", false, false), As(w.Lead), ct);
            var queue = await new Cetrs(db).QueueAsync(As(w.Coordinator), ct);
            Assert.Equal([new LocalDate(2027, 1, 4), new LocalDate(2027, 1, 11)], queue.Clocks.Select(c => c.Due));
            Assert.All(queue.Clocks, c => Assert.Equal(CetrClockKind.PostAdmission, c.Kind));
            // The school still sees only the entry's summary: blue.
            Assert.Equal(SupportRatingLevel.Blue, (await new SupportRegisterEntries(db).OpenAsync(w.EntryId, As(w.KeyAdult), ct))!.Rating);
        }

        // Held on 8 January with its panel: the clock stops and the inpatient C(E)TR falls due 3 months on.
        clock.Reset(Instant.FromUtc(2027, 1, 8, 16, 0));
        await using (var db = database.NewContext(clock))
        {
            var cetrs = new Cetrs(db);
            var cetrId = await cetrs.BookAsync(new BookCetrOptions(w.EntryId, CetrKind.PostAdmission, new LocalDate(2027, 1, 8)), As(w.Coordinator), ct);
            var expert = await cetrs.AddPanelMemberAsync(new PanelMemberOptions(cetrId, PanelRole.IndependentClinicalExpert, "Dr A Example"), As(w.Coordinator), ct);
            var byExperience = await cetrs.AddPanelMemberAsync(new PanelMemberOptions(cetrId, PanelRole.ExpertByExperience, "B Example"), As(w.Coordinator), ct);
            await cetrs.AddPanelMemberAsync(new PanelMemberOptions(cetrId, PanelRole.Family, "Jo Example"), As(w.Coordinator), ct);
            await cetrs.RecordHeldAsync(new CetrHeldOptions(cetrId, [expert, byExperience]), As(w.Coordinator), ct);
            await cetrs.AddRecommendationAsync(new RecommendationOptions(cetrId, w.Lead.Organisation.Id, "Sensory assessment on the ward", new LocalDate(2027, 2, 1), w.Lead.User.Id),
                As(w.Coordinator), ct);
            await cetrs.CompleteRootCauseReviewAsync(new RootCauseReviewOptions(admissionId, true, "Crisis over Christmas", "A crisis bed in the community", "Plan for holidays"), As(w.Lead), ct);
        }
        await using (var db = database.NewContext(clock))
        {
            var seen = (await new Cetrs(db).OpenAsync(w.EntryId, As(w.Lead), ct))!;
            var held = seen.Cetrs.Single(c => c.Kind == CetrKind.PostAdmission);
            Assert.Equal(((LocalDate?)new LocalDate(2027, 1, 8), false), (held.HeldOn, held.Overdue));
            Assert.Equal([PanelRole.Chair, PanelRole.IndependentClinicalExpert, PanelRole.ExpertByExperience, PanelRole.Family], held.Panel.Select(p => p.Role!.Value));
            Assert.Equal([false, true, true, false], held.Panel.Select(p => p.Attended!.Value));
            Assert.Equal(("Sensory assessment on the ward", new LocalDate(2027, 2, 1)), (Assert.Single(held.Recommendations).Description, held.Recommendations[0].DueDate));
            Assert.Equal((CetrKind.Inpatient, (LocalDate?)new LocalDate(2027, 4, 8)), (seen.Cetrs[0].Kind, seen.Cetrs[0].Due));
            Assert.NotNull(seen.Admissions.Single().RootCauseReview!.CompletedAt);
            Assert.Equal(MeetingKind.CetrReview, (await db.Set<MeetingSeries>().SingleAsync(s => s.PartnershipId == w.Coordinator.User.PartnershipId, ct)).Kind);

            // The Front Door runs the partnership's meetings, but a C(E)TR is health's record of a child: the meeting
            // engine's own pages refuse its meeting (the panel names the family) and its recommendation.
            var frontDoor = await new TestData(() => database.NewContext()).CreateUserAsync(w.SocialWorker.Organisation, Role.FrontDoorPractitioner);
            var meetingId = await db.Set<Meeting>().Where(m => db.Set<MeetingSeries>().Any(s => s.Id == m.SeriesId && s.Kind == MeetingKind.CetrReview))
                .Select(m => m.Id).FirstAsync(ct);
            var recommendationId = await db.Set<MeetingAction>().Where(a => a.MeetingId == meetingId).Select(a => a.Id).SingleAsync(ct);
            await Assert.ThrowsAsync<ForbiddenException>(() => new MeetingRecords(db).OpenAsync(meetingId, As(frontDoor), ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => new MeetingRecords(db).CompleteActionAsync(new CompleteActionOptions(recommendationId, null), As(frontDoor), ct));

            // Discharge planning, then discharge: the rating leaves blue and the inpatient clock stops.
            await new Cetrs(db).PlanDischargeAsync(new PlanDischargeOptions(admissionId, new LocalDate(2027, 1, 8)), As(w.Lead), ct);
            await new Cetrs(db).DischargeAsync(new DischargeOptions(admissionId, new LocalDate(2027, 1, 8), SupportRatingLevel.Amber, "Home with support"), As(w.Lead), ct);
            Assert.Equal(SupportRatingLevel.Amber, (await db.Set<SupportRegisterEntry>().SingleAsync(e => e.Id == w.EntryId, ct)).CurrentRating);
            Assert.DoesNotContain((await new Cetrs(db).QueueAsync(As(w.Coordinator), ct)).Clocks, c => c.EntryId == w.EntryId);
        }
    }

    [Theory, BothDatabases]
    public async Task The_referral_stops_its_clock_a_community_cetr_answers_it_and_each_overdue_clock_escalates_to_the_unit_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 24, 10, 0));
        var w = await WorldAsync(database, clock, Instant.FromUtc(2026, 12, 24, 10, 0));

        // The referral was due on 5 January: overdue on the 6th, escalated once.
        clock.Reset(Instant.FromUtc(2027, 1, 6, 9, 0));
        await using (var db = database.NewContext(clock))
        {
            Assert.Equal(2, await new CetrEscalation(db).RunAsync(ct));
            Assert.Equal(0, await new CetrEscalation(db).RunAsync(ct));
        }
        Guid referralId;
        await using (var db = database.NewContext(clock))
        {
            var mail = await db.Set<OutboxMessage>().ToListAsync(ct);
            Assert.Equal([w.Coordinator.Email, w.Coordinator.Email], mail.Select(m => m.Destination));
            Assert.All(mail, m => Assert.DoesNotContain(w.Child.FamilyName, m.Payload, StringComparison.Ordinal));
            var cetrs = new Cetrs(db);
            Assert.Equal(["WhyNow", "FamilyView"], Cetrs.ReferralProblems(" ", "Positive behaviour support", null).Select(p => p.Field));
            await Assert.ThrowsAsync<ArgumentException>(() => cetrs.ReferAsync(new CetrReferralOptions(w.EntryId, " ", "Support", "Wants help"), As(w.Lead), ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => cetrs.ReferAsync(new CetrReferralOptions(w.EntryId, "Crisis", "Support", "Wants help"), As(w.KeyAdult), ct));
            referralId = await cetrs.ReferAsync(new CetrReferralOptions(w.EntryId, "Two crisis calls", "Positive behaviour support", "Mother wants a review"), As(w.Lead), ct);
            var queue = await cetrs.QueueAsync(As(w.Coordinator), ct);
            var waiting = Assert.Single(queue.Waiting);
            Assert.Equal((referralId, (LocalDate?)new LocalDate(2026, 12, 24), (LocalDate?)new LocalDate(2027, 1, 5)), (waiting.ReferralId, waiting.RedOn, waiting.ReferralDue));
            // The referral clock stopped for this child; the other's still runs (already escalated).
            var clockRow = Assert.Single(queue.Clocks);
            Assert.Equal((w.SecondEntryId, CetrClockKind.Referral, true, true), (clockRow.EntryId, clockRow.Kind, clockRow.Overdue, clockRow.Escalated));
            // The lead's queue holds the children they lead.
            Assert.Single((await cetrs.QueueAsync(As(w.Lead), ct)).Waiting);
        }

        // A community C(E)TR on 7 January answers the referral; an admission after it is no exception, and the inpatient clock runs from it.
        clock.Reset(Instant.FromUtc(2027, 1, 7, 15, 0));
        await using (var db = database.NewContext(clock))
        {
            var cetrs = new Cetrs(db);
            var cetrId = await cetrs.BookAsync(new BookCetrOptions(w.EntryId, CetrKind.Community, new LocalDate(2027, 1, 7)), As(w.Coordinator), ct);
            Assert.Empty((await cetrs.QueueAsync(As(w.Coordinator), ct)).Waiting);
            await cetrs.RecordHeldAsync(new CetrHeldOptions(cetrId, []), As(w.Coordinator), ct);
        }
        clock.Reset(Instant.FromUtc(2027, 1, 20, 15, 0));
        await using (var db = database.NewContext(clock))
        {
            await new Cetrs(db).RecordAdmissionAsync(new AdmissionOptions(w.EntryId, new LocalDate(2027, 1, 20), "Example Hospital", true, false), As(w.Coordinator), ct);
            Assert.Empty(await db.Set<AdmissionRootCauseReview>().ToListAsync(ct));
            var inpatient = await db.Set<Cetr>().SingleAsync(c => c.EntryId == w.EntryId && c.HeldOn == null, ct);
            Assert.Equal((CetrKind.Inpatient, (LocalDate?)new LocalDate(2027, 4, 7)), (inpatient.Kind, inpatient.Due));
        }
        clock.Reset(Instant.FromUtc(2027, 4, 8, 9, 0));
        await using (var db = database.NewContext(clock))
        {
            Assert.Equal(1, await new CetrEscalation(db).RunAsync(ct));
            Assert.Equal(0, await new CetrEscalation(db).RunAsync(ct));
            Assert.Equal(3, await db.Set<OutboxMessage>().CountAsync(ct));
        }
    }
}
