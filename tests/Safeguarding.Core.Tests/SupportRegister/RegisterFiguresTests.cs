using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.SupportRegister;

/// <summary>
/// The register's monthly figures on both databases, from a small hand-built register: a child's rating at a month's
/// end is the last one given before it (London time) from the history; a child is on the register from the day consent
/// was given until the day it was withdrawn; new entries and exits fall in their months; age, need, area and keyworker
/// break the month-end children down; only the complex-needs unit and the partnership's figures readers may read them.
/// </summary>
public sealed class RegisterFiguresTests
{
    // The figures on 15 July 2026 cover July 2025 to June 2026.
    private static readonly LocalDate Today = new(2026, 7, 15);

    private static ProcessContext As(TestUser user) => new("test", user.Actor);

    private static Instant London(int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(ReferralClock.London).ToInstant();

    [Theory, BothDatabases]
    public async Task Month_end_figures_follow_the_rating_history_consent_and_withdrawal_and_only_the_unit_and_figures_readers_may_read_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var icb = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.IntegratedCareBoard);
        var trust = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust);
        var school = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var coordinator = await data.CreateUserAsync(icb, Role.ComplexNeedsCoordinator);
        var lead = await data.CreateUserAsync(trust, Role.HealthSafeguardingPractitioner);
        var keyAdult = await data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var businessManager = await data.CreateUserAsync(council, Role.PartnershipBusinessManager);
        var (a, b, c) = (await data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil)),
            await data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil)), await data.CreatePersonAsync(partnership.Id));

        await using (var db = database.NewContext())
        {
            db.Process = ProcessContext.System("test:register figures");
            // A lives in LS8 and turns 14 on 20 April 2026; B's area comes from an agency record's postcode.
            var household = new Household { PartnershipId = partnership.Id, Address = "1 Test Street", Postcode = "ls8 4ab" };
            db.Households.Add(household);
            await db.SaveChangesAsync(ct);
            await db.People.Where(p => p.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.HouseholdId, household.Id).SetProperty(p => p.DateOfBirth, new LocalDate(2012, 4, 20)), ct);
            await db.SourceRecords.Where(r => r.PersonId == b.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Postcode, "LS114XY"), ct);
            SupportRegisterEntry Entry(Person child, SupportNeed need, LocalDate? consent, LocalDate? withdrawn, string? keyworker) => new()
            {
                PartnershipId = partnership.Id, PersonId = child.Id, Need = need, LeadPractitionerUserId = lead.User.Id, AgenciesInvolved = "CAMHS", Placement = "Home",
                KeyRisks = "Risks", ProtectiveFactors = "Factors", Keyworker = keyworker, SuggestedByOrganisationId = school.Id, SuggestedAt = London(2025, 12, 1, 9, 0),
                Status = consent is null ? SupportRegisterStatus.Suggested : withdrawn is null ? SupportRegisterStatus.OnRegister : SupportRegisterStatus.ConsentWithdrawn,
                ConsentGivenBy = consent is null ? null : ConsentGiver.ParentalResponsibility, ConsentGiverName = consent is null ? null : "Jo Example", ConsentGivenOn = consent,
                ConsentWithdrawnOn = withdrawn,
            };
            var entryA = Entry(a, SupportNeed.Autism, new LocalDate(2026, 1, 10), null, "Priya Keyworker");
            // B is withdrawn on 30 April: off the register at April's end, an exit in April.
            var entryB = Entry(b, SupportNeed.LearningDisability, new LocalDate(2026, 2, 5), new LocalDate(2026, 4, 30), null);
            // C is only suggested: never on the register, never counted.
            var entryC = Entry(c, SupportNeed.Autism, null, null, null);
            db.AddRange(entryA, entryB, entryC);
            SupportRating Rating(SupportRegisterEntry e, SupportRatingLevel level, Instant at) => new()
            {
                PartnershipId = partnership.Id, EntryId = e.Id, Rating = level, Why = "Why", Evidence = "Evidence", RatedAt = at, RatedByOrganisationId = trust.Id,
            };
            db.AddRange(
                Rating(entryA, SupportRatingLevel.Amber, London(2026, 1, 11, 10, 0)),
                Rating(entryA, SupportRatingLevel.Red, London(2026, 3, 31, 23, 30)),
                // 00:30 on 1 April in London is still 31 March in UTC: April's rating, so A is red at March's end.
                Rating(entryA, SupportRatingLevel.Green, London(2026, 4, 1, 0, 30)),
                Rating(entryB, SupportRatingLevel.Green, London(2026, 2, 6, 10, 0)));
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.NewContext())
        {
            var figures = new RegisterFigures(db);
            var report = await figures.BuildAsync(new RegisterFiguresOptions(Today), As(businessManager), ct);
            Assert.Equal((new YearMonth(2025, 7), new YearMonth(2026, 6)), (report.First, report.Last));
            int[] Line(string table, string label) => [.. report.Tables.Single(t => t.Id == table).Rows.Single(r => r.Label == label).Counts];
            // Months: Jul Aug Sep Oct Nov Dec | Jan Feb Mar Apr May Jun.
            Assert.Equal([0, 0, 0, 0, 0, 0, 1, 2, 2, 1, 1, 1], Line("ratings", "All children on the register"));
            Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0], Line("ratings", "Red"));
            Assert.Equal([0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0], Line("ratings", "Amber"));
            Assert.Equal([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1], Line("ratings", "Green"));
            Assert.Equal([0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0], Line("new-and-exits", "New entries (consent given)"));
            Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0], Line("new-and-exits", "Exits (consent withdrawn)"));
            Assert.Equal([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1], Line("keyworkers", "Keyworker allocated"));
            // B (born 1 March 2015) is 10 at February's end and 11 at March's.
            Assert.Equal([0, 0, 0, 0, 0, 0, 1, 2, 2, 0, 0, 0], Line("age", "10 to 13"));
            Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1], Line("age", "14 to 15"));
            Assert.Equal([0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0], Line("need", "Learning disability"));
            Assert.Equal([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1], Line("area", "LS8"));
            Assert.Equal([0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0], Line("area", "LS11"));
            // Aggregates only: no child's name anywhere in the report; the read is audited as the period read.
            Assert.DoesNotContain(report.Tables.SelectMany(t => t.Rows), r => r.Label.Contains("Child", StringComparison.Ordinal));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceType == RegisterFigures.ResourceType && e.ResourceId == "2025-07/2026-06"
                && e.ActorUserId == businessManager.User.Id, ct));

            // The complex-needs unit reads them too; a school and a lead practitioner do not.
            Assert.NotEmpty((await figures.BuildAsync(new RegisterFiguresOptions(Today), As(coordinator), ct)).Tables);
            await Assert.ThrowsAsync<ForbiddenException>(() => figures.BuildAsync(new RegisterFiguresOptions(Today), As(keyAdult), ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => figures.BuildAsync(new RegisterFiguresOptions(Today), As(lead), ct));
        }
    }
}
