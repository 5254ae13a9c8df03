using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

/// <summary>
/// A partnership with the agencies of the domestic-abuse pathway, their staff, and a household: a victim, the person
/// causing harm and two children registered with a GP practice and seen at the hospital.
/// </summary>
public sealed class PathwayWorld : TestWorld
{
    private PathwayWorld(TestWorld world) : base(world)
    {
    }

    public required Organisation Police { get; init; }
    public required Organisation Council { get; init; }
    public required Organisation Gp { get; init; }
    public required Organisation OtherGp { get; init; }
    public required Organisation Hospital { get; init; }
    public required Organisation IdvaService { get; init; }
    public required TestUser Officer { get; init; }
    public required TestUser FrontDoor { get; init; }
    public required TestUser Idva { get; init; }
    public required TestUser SocialWorker { get; init; }
    public required Person Victim { get; init; }
    public required Person Harmer { get; init; }
    public required Person Child { get; init; }
    public required Person Baby { get; init; }

    public static readonly Instant Now = Instant.FromUtc(2026, 11, 10, 10, 0); // a Tuesday

    public static ProcessContext Process(TestUser user) => new("test:pathway", user.Actor, FromAddress: "test");

    public static Actor ApiClient(Organisation org) =>
        new(org.PartnershipId, org.Id, "Health system", new HashSet<Role>(), ApiClientId: Guid.NewGuid(), ApiScopes: new HashSet<string> { "health-flags:read" });

    public static async Task<PathwayWorld> CreateAsync(DatabaseProvider provider)
    {
        var world = await TestWorld.CreateAsync(provider, Now);
        var data = world.Data;
        var partnership = world.Partnership;
        var police = await world.OrganisationAsync(OrganisationType.PoliceForce);
        var council = await world.OrganisationAsync(OrganisationType.CouncilService, "Children's Services Front Door");
        var gp = await world.OrganisationAsync(OrganisationType.GpPractice);
        var otherGp = await world.OrganisationAsync(OrganisationType.GpPractice);
        var hospital = await world.OrganisationAsync(OrganisationType.HospitalTrust);
        var idva = await world.OrganisationAsync(OrganisationType.VoluntarySector, "IDVA service");

        var household = new Household { PartnershipId = partnership.Id, Address = "1 Test Row", Postcode = "LS1 1AA" };
        Person NewPerson(string given, LocalDate dob, Sex sex, string? nhs = null) => new()
        {
            PartnershipId = partnership.Id, GivenName = given, FamilyName = "Testfamily", DateOfBirth = dob, Sex = sex, NhsNumber = nhs,
            HouseholdId = household.Id, CreatedAt = Now,
        };
        var victim = NewPerson("Victoria", new(1990, 5, 1), Sex.Female);
        var harmer = NewPerson("Harold", new(1988, 2, 1), Sex.Male);
        harmer.HouseholdId = null;
        var child = NewPerson("Charlie", new(2016, 6, 1), Sex.Male, "9990000018");
        var baby = NewPerson("Bea", new(2025, 12, 1), Sex.Female, "9990000026");
        await data.SaveAsync(db =>
        {
            db.Households.Add(household);
            db.People.AddRange(victim, harmer, child, baby);
            foreach (var (person, org) in new[] { (child, gp), (baby, gp), (child, hospital), (baby, hospital) })
                db.SourceRecords.Add(new SourceRecord
                {
                    PartnershipId = partnership.Id, OrganisationId = org.Id, SourceSystem = "TEST", LocalId = $"{person.Id:N}-{org.Id:N}"[..40], Received = "{}",
                    ReceivedAt = Now, GivenName = person.GivenName, FamilyName = person.FamilyName, PersonId = person.Id, Outcome = LinkOutcome.LinkedAutomatically,
                });
            db.DomesticAbuseSettings.Add(new Core.DomesticAbuse.DomesticAbuseSettings
            {
                PartnershipId = partnership.Id, FlagContactOrganisationId = council.Id, FlagContactTelephone = "0113 000 0000", WomenAged16Plus = 330_000,
                // One service for adults and young people, as the demo has: triage allocates to it.
                IdvaOrganisationId = idva.Id, YoungPeoplesIdvaOrganisationId = idva.Id,
            });
        });

        return new PathwayWorld(world)
        {
            Police = police, Council = council, Gp = gp, OtherGp = otherGp, Hospital = hospital, IdvaService = idva,
            Officer = await world.UserAsync(police, Role.PoliceDomesticAbuse),
            FrontDoor = await world.UserAsync(council, Role.FrontDoorPractitioner),
            Idva = await world.UserAsync(idva, Role.Idva),
            SocialWorker = await world.UserAsync(council, Role.SocialWorker),
            Victim = victim, Harmer = harmer, Child = child, Baby = baby,
        };
    }

    /// <summary>A police incident received at a time, with the world's victim, person causing harm and older child.</summary>
    public async Task<DomesticIncident> IncidentAsync(Instant occurredAt, Instant receivedAt, Person? victim = null)
    {
        var incident = new DomesticIncident
        {
            PartnershipId = Partnership.Id, ForceOrganisationId = Police.Id, PoliceReference = $"DA/{TestData.Next():00000}", OccurredAt = occurredAt,
            ReportedAt = occurredAt, ReceivedAt = receivedAt, Category = DomesticAbuseCategory.Physical, Received = "{}",
            Adults =
            [
                new IncidentAdult { Role = IncidentAdultRole.Victim, GivenName = (victim ?? Victim).GivenName, FamilyName = "Testfamily", PersonId = (victim ?? Victim).Id },
                new IncidentAdult { Role = IncidentAdultRole.PersonCausingHarm, GivenName = Harmer.GivenName, FamilyName = "Testfamily", PersonId = Harmer.Id },
            ],
            Children = [new IncidentChild { GivenName = Child.GivenName, FamilyName = "Testfamily", PersonId = Child.Id, Present = true }],
        };
        await Data.SaveAsync(db => db.DomesticIncidents.Add(incident));
        return incident;
    }
}
