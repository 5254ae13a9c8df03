using System.Globalization;
using NodaTime;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Demo;

/// <summary>
/// The demo partnership's organisations: its partners (council, ICB, police, trusts, services), schools, colleges and GP
/// practices, in Leeds' mix (280 schools at city scale, about the same mix in 20 at small scale), named from fixed seeds.
/// </summary>
internal sealed class DemoOrganisations
{
    public List<Organisation> All { get; } = [];
    public required Organisation Council { get; init; }
    public required Organisation LearningInclusion { get; init; }
    public required Organisation Icb { get; init; }
    public required Organisation Police { get; init; }
    public required Organisation HospitalTrust { get; init; }
    public required Organisation MentalHealthTrust { get; init; }
    public required Organisation YouthJustice { get; init; }
    public required Organisation DomesticAbuseService { get; init; }
    public List<Organisation> Schools { get; } = [];
    public List<Organisation> Colleges { get; } = [];
    public List<Organisation> GpPractices { get; } = [];
    /// <summary>DfE establishment numbers of the schools that issue UPNs (primary and all-through).</summary>
    public Dictionary<Guid, int> EstablishmentNumbers { get; } = [];

    /// <summary>Every organisation, planned and checked by the rules the admin pages use; added by the caller.</summary>
    public static DemoOrganisations Plan(DemoScale scale, Guid partnershipId, Instant now)
    {
        var random = new Random(1301);
        Organisation New(string name, OrganisationType type, string? urn = null, string? ods = null, string? force = null,
            SchoolPhase phase = SchoolPhase.NotApplicable)
        {
            var errors = OrganisationRules.Validate(name, type, urn, ods, force);
            if (errors.Count > 0)
                throw new InvalidOperationException($"Demo organisation '{name}' is invalid: {string.Join("; ", errors.Values)}");
            return new Organisation
            {
                PartnershipId = partnershipId, Name = name, Type = type, Urn = urn, OdsCode = ods, PoliceForceCode = force,
                Phase = phase, CreatedAt = now,
            };
        }

        var orgs = new DemoOrganisations
        {
            Council = New("Aire Valley City Council Children's Services (Front Door)", OrganisationType.CouncilService),
            LearningInclusion = New("Aire Valley City Council Learning Inclusion (Elective Home Education and Children Missing Education)", OrganisationType.CouncilService),
            Icb = New("NHS Aire Valley Integrated Care Board", OrganisationType.IntegratedCareBoard, ods: "ZAV"),
            Police = New("Aire Valley Police", OrganisationType.PoliceForce, force: DemoPartnership.PoliceForceCode),
            HospitalTrust = New("Aire Valley Teaching Hospitals NHS Trust", OrganisationType.HospitalTrust, ods: "ZAV01"),
            MentalHealthTrust = New("Aire Valley Community and Mental Health NHS Foundation Trust", OrganisationType.MentalHealthTrust, ods: "ZAV02"),
            YouthJustice = New("Aire Valley Youth Justice Service", OrganisationType.YouthJustice),
            DomesticAbuseService = New("Aire Valley Domestic Abuse Service (IDVAs)", OrganisationType.VoluntarySector),
        };
        orgs.All.AddRange([orgs.Council, orgs.LearningInclusion, orgs.Icb, orgs.Police, orgs.HospitalTrust, orgs.MentalHealthTrust,
            orgs.YouthJustice, orgs.DomesticAbuseService,
            New("Aire Valley Young People's Project", OrganisationType.VoluntarySector),
            New("Aire Valley Families Together", OrganisationType.VoluntarySector)]);

        var places = new Queue<string>(DemoNames.Places.OrderBy(_ => random.Next()));
        var urns = new HashSet<int>();
        string NewUrn()
        {
            int urn;
            do urn = random.Next(900_000, 1_000_000); while (!urns.Add(urn));
            return urn.ToString(CultureInfo.InvariantCulture);
        }
        string Saint() => DemoNames.Saints[random.Next(DemoNames.Saints.Length)];

        // Leeds has 280 schools; the small demo keeps about the same mix in 20.
        (SchoolPhase Phase, int City, int Small)[] mix =
        [
            (SchoolPhase.Primary, 215, 14), (SchoolPhase.Secondary, 42, 3), (SchoolPhase.Special, 14, 1),
            (SchoolPhase.AlternativeProvision, 6, 1), (SchoolPhase.AllThrough, 3, 1),
        ];
        var primaryNumber = 2000;
        var allThroughNumber = 4000;
        foreach (var (phase, city, small) in mix)
        {
            for (var i = 0; i < (scale == DemoScale.City ? city : small); i++)
            {
                var place = places.Dequeue();
                var roll = random.NextDouble();
                var name = phase switch
                {
                    SchoolPhase.Primary => roll switch
                    {
                        < 0.70 => $"{place} Primary School",
                        < 0.85 => $"{place} Church of England Primary School",
                        < 0.95 => $"St {Saint()}'s Catholic Primary School, {place}",
                        _ => $"{place} Primary Academy",
                    },
                    SchoolPhase.Secondary => roll < 0.6 ? $"{place} High School" : $"{place} Academy",
                    SchoolPhase.Special => $"{place} Specialist Learning Centre",
                    SchoolPhase.AlternativeProvision => $"{place} Alternative Provision Academy",
                    _ => $"{place} All-Through Academy",
                };
                var school = New(name, OrganisationType.School, urn: NewUrn(), phase: phase);
                orgs.Schools.Add(school);
                if (phase == SchoolPhase.Primary) orgs.EstablishmentNumbers[school.Id] = ++primaryNumber;
                if (phase == SchoolPhase.AllThrough) orgs.EstablishmentNumbers[school.Id] = ++allThroughNumber;
            }
        }

        for (var i = 0; i < (scale == DemoScale.City ? 4 : 1); i++)
        {
            var name = i == 0 ? "Aire Valley College" : i % 2 == 1 ? $"{places.Dequeue()} Sixth Form College" : $"{places.Dequeue()} College";
            orgs.Colleges.Add(New(name, OrganisationType.College, urn: NewUrn(), phase: SchoolPhase.SixteenPlus));
        }

        string[] practiceKinds = ["Medical Practice", "Surgery", "Health Centre", "Family Practice"];
        var odsCodes = new HashSet<int>();
        for (var i = 0; i < (scale == DemoScale.City ? 90 : 5); i++)
        {
            int code;
            do code = random.Next(10_000, 100_000); while (!odsCodes.Add(code));
            orgs.GpPractices.Add(New($"{places.Dequeue()} {practiceKinds[random.Next(practiceKinds.Length)]}", OrganisationType.GpPractice,
                ods: "Z" + code.ToString(CultureInfo.InvariantCulture)));
        }

        orgs.All.AddRange(orgs.Schools);
        orgs.All.AddRange(orgs.Colleges);
        orgs.All.AddRange(orgs.GpPractices);
        return orgs;
    }
}
