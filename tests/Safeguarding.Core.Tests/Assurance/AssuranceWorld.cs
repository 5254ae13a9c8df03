using NodaTime;
using NodaTime.Testing;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Assurance;

/// <summary>A partnership with a business manager, auditors of two agencies and a service manager, on a clock the test moves.</summary>
internal sealed record AssuranceWorld(TestDatabase Database, TestData Data, FakeClock Clock, Guid PartnershipId, Organisation Council, Organisation Police,
    Organisation School, TestUser BusinessManager, TestUser OtherManager, TestUser CouncilAuditor, TestUser PoliceAuditor, TestUser ServiceManager, TestUser SocialWorker)
{
    public static ProcessContext As(TestUser user) => new("test", user.Actor);

    public SafeguardingDbContext NewContext() => Database.NewContext(Clock);

    public static async Task<AssuranceWorld> CreateAsync(TestDatabase database, Instant now)
    {
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var police = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var school = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.School, "Aire Valley Primary School");
        return new AssuranceWorld(database, data, new FakeClock(now), partnership.Id, council, police, school,
            await data.CreateUserAsync(council, Role.PartnershipBusinessManager), await data.CreateUserAsync(council, Role.PartnershipBusinessManager),
            await data.CreateUserAsync(council, Role.CaseAuditor), await data.CreateUserAsync(police, Role.CaseAuditor),
            await data.CreateUserAsync(council, Role.ServiceManager), await data.CreateUserAsync(council, Role.SocialWorker));
    }

    /// <summary>A victim heard at MARAC at a time, with a child in the household when <paramref name="withChild"/>; returns the referral and the child.</summary>
    public async Task<(Guid Referral, Guid? Child)> HeardMaracCaseAsync(Instant heardAt, bool withChild)
    {
        var household = new Household { PartnershipId = PartnershipId, Address = "1 Test Street", Postcode = "LS1 1AA" };
        var victim = NewPerson("Victim", new LocalDate(1990, 1, 1), household.Id);
        var child = withChild ? NewPerson("Child", new LocalDate(2016, 5, 1), household.Id) : null;
        var referral = new MaracReferral
        {
            PartnershipId = PartnershipId, VictimPersonId = victim.Id, ReferredByOrganisationId = Police.Id, ReferredAt = heardAt - Duration.FromDays(10),
            ReferralDate = (heardAt - Duration.FromDays(10)).InUtc().Date, VisibleHighRisk = true, Status = MaracReferralStatus.Heard, HeardAt = heardAt,
        };
        await Data.SaveAsync(db =>
        {
            db.Households.Add(household);
            db.People.Add(victim);
            if (child is not null) db.People.Add(child);
            db.MaracReferrals.Add(referral);
        });
        return (referral.Id, child?.Id);
    }

    /// <summary>A child on the register with ratings given at the times listed.</summary>
    public async Task<Guid> RatedEntryAsync(params (SupportRatingLevel Rating, Instant At)[] ratings)
    {
        var child = NewPerson("Rated", new LocalDate(2012, 2, 2), null);
        var entry = new SupportRegisterEntry
        {
            PartnershipId = PartnershipId, PersonId = child.Id, Status = SupportRegisterStatus.OnRegister, Need = SupportNeed.Autism,
            LeadPractitionerUserId = SocialWorker.User.Id, AgenciesInvolved = "CAMHS", Placement = "At home", KeyRisks = "Crisis", ProtectiveFactors = "Family",
            SuggestedByOrganisationId = Council.Id, SuggestedAt = Clock.GetCurrentInstant(), CurrentRating = ratings.Last().Rating,
        };
        await Data.SaveAsync(db =>
        {
            db.People.Add(child);
            db.Add(entry);
            foreach (var (rating, at) in ratings)
                db.Add(new SupportRating { PartnershipId = PartnershipId, EntryId = entry.Id, Rating = rating, Why = "Seen", Evidence = "Notes", RatedAt = at, RatedByOrganisationId = Council.Id });
        });
        return entry.Id;
    }

    private Person NewPerson(string given, LocalDate born, Guid? household) => new()
    {
        PartnershipId = PartnershipId, GivenName = $"{given}{TestData.Next()}", FamilyName = "Testperson", DateOfBirth = born, HouseholdId = household,
        CreatedAt = Clock.GetCurrentInstant(),
    };
}
