using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.ApiClients;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Users;

namespace Safeguarding.Core.Demo;

/// <summary>
/// A fictional partnership, "Aire Valley", shaped on Leeds 2023-24 (DOMAIN.md): its partners, schools, GP practices
/// and services, a user for every role, API clients, and a synthetic population of children and their families.
/// Every draw comes from fixed seeds, so two seeds of one scale give the same people, identifiers and credentials.
/// </summary>
public sealed class DemoPartnership(SafeguardingDbContext db)
{
    public const string PartnershipCode = "demo";
    public const string PartnershipName = "Aire Valley Safeguarding Children Partnership";
    public const string EmailDomain = "demo.example";
    public const string LocalAuthorityCode = "383";
    public const string PoliceForceCode = "13";

    /// <summary>Leeds' pupil count in 2023-24: the city scale seeds exactly this many registered pupils.</summary>
    public const int CityPupils = 136_799;
    public const int SmallChildren = 600;

    private const int BatchSize = 5_000;
    private const string ClientIdPrefix = "demo-";

    // Public on purpose: demo credentials are derived from this key so they can be written out again at any time.
    // They only ever protect synthetic data.
    private static readonly byte[] CredentialKey = "safeguarding-hub demo credentials v1"u8.ToArray();

    private Instant _now;

    public async Task<DemoCredentials> SeedAsync(DemoScale scale, IProgress<DemoProgress>? progress = null, CancellationToken ct = default)
    {
        var existing = await db.Partnerships.AsNoTracking().SingleOrDefaultAsync(p => p.Code == PartnershipCode, ct);
        if (existing is not null)
            return (await CredentialsAsync(existing.Id, ct)) with { WasAlreadySeeded = true };

        _now = db.Clock.GetCurrentInstant();
        var previousProcess = db.Process;
        var previousAutoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.Process = new ProcessContext("cli:demo seed", null, "demonstration data", "local", SummariseWrites: true);
        Guid partnershipId;
        try
        {
            // All or nothing: an interrupted seed leaves no half partnership that would block the next attempt.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Every entity is complete when it is added, and each save scans for changes once itself: a second,
            // automatic scan of every batch would only cost time.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            // The city seed writes a million-row index set all over a large file: a bigger page cache for this
            // connection saves most of the page churn. Put back to SQLite's default (which we never change) below.
            if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", ct);
            var partnership = new Partnership { Name = PartnershipName, Code = PartnershipCode, CreatedAt = _now };
            partnershipId = partnership.Id;
            db.Partnerships.Add(partnership);

            progress?.Report(new DemoProgress("Organisations", 0, 1));
            var orgs = PlanOrganisations(scale, partnership.Id);
            db.Organisations.AddRange(orgs.All);
            await SaveBatchAsync(ct);
            progress?.Report(new DemoProgress("Organisations", 1, 1));

            await SeedUsersAsync(orgs, progress, ct);
            SeedApiClients(orgs);
            await SaveBatchAsync(ct);

            var people = await SeedPeopleAsync(scale, orgs, progress, ct);
            await SeedSourceRecordsAsync(orgs, people, progress, ct);
            await DemoLearners.SeedAsync(db, partnership.Id, _now, progress, ct);
            await DemoLearnerRegisters.SeedAsync(db, partnership.Id, _now, ct);
            await new DemoDomesticAbuse(db).SeedAsync(partnershipId, scale, _now, ct);
            if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.Process = previousProcess;
            db.ChangeTracker.AutoDetectChangesEnabled = previousAutoDetect;
            db.ChangeTracker.Clear();
        }
        return await CredentialsAsync(partnershipId, ct);
    }

    private async Task SaveBatchAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    // ---- Organisations -------------------------------------------------------------------------------------

    private sealed class DemoOrganisations
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
    }

    private DemoOrganisations PlanOrganisations(DemoScale scale, Guid partnershipId)
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
                Phase = phase, CreatedAt = _now,
            };
        }

        var orgs = new DemoOrganisations
        {
            Council = New("Aire Valley City Council Children's Services (Front Door)", OrganisationType.CouncilService),
            LearningInclusion = New("Aire Valley City Council Learning Inclusion (Elective Home Education and Children Missing Education)", OrganisationType.CouncilService),
            Icb = New("NHS Aire Valley Integrated Care Board", OrganisationType.IntegratedCareBoard, ods: "ZAV"),
            Police = New("Aire Valley Police", OrganisationType.PoliceForce, force: PoliceForceCode),
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

    // ---- Users and API clients -----------------------------------------------------------------------------

    private async Task SeedUsersAsync(DemoOrganisations orgs, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        var random = new Random(1302);
        var plan = new List<(Role Role, string Email, Organisation Org)>();
        foreach (var role in Enum.GetValues<Role>())
        {
            switch (role)
            {
                case Role.SchoolKeyAdult:
                    plan.AddRange(orgs.Schools.Select(s => (role, $"keyadult.{s.Urn}", s)));
                    break;
                case Role.CollegeSafeguardingLead:
                    plan.AddRange(orgs.Colleges.Select(c => (role, $"collegelead.{c.Urn}", c)));
                    break;
                case Role.SettingDataManager:
                    plan.Add((role, $"datamanager.{orgs.Schools[0].Urn}", orgs.Schools[0]));
                    break;
                case Role.GpPractice:
                    var practice = orgs.GpPractices[0];
                    plan.Add((role, $"gp.{practice.OdsCode!.ToLowerInvariant()}", practice));
                    break;
                default:
                    plan.Add(role switch
                    {
                        Role.SystemAdministrator => (role, "system.admin", orgs.Council),
                        Role.PartnershipAdministrator => (role, "partnership.admin", orgs.Council),
                        Role.PoliceDomesticAbuse => (role, "police.domesticabuse", orgs.Police),
                        Role.PoliceIntelligence => (role, "police.intelligence", orgs.Police),
                        Role.FrontDoorPractitioner => (role, "frontdoor.practitioner", orgs.Council),
                        Role.FrontDoorManager => (role, "frontdoor.manager", orgs.Council),
                        Role.SocialWorker => (role, "social.worker", orgs.Council),
                        Role.TeamManager => (role, "team.manager", orgs.Council),
                        Role.HealthSafeguardingPractitioner => (role, "health.safeguarding", orgs.HospitalTrust),
                        Role.Idva => (role, "idva", orgs.DomesticAbuseService),
                        Role.YouthJusticeWorker => (role, "youthjustice", orgs.YouthJustice),
                        Role.Analyst => (role, "analyst", orgs.Council),
                        Role.PartnershipBusinessManager => (role, "business.manager", orgs.Council),
                        Role.EducationLead => (role, "education.lead", orgs.Council),
                        _ => throw new InvalidOperationException($"The demo has no user planned for the role {role}."),
                    });
                    break;
            }
        }

        var names = plan.Select(_ => RandomAdultName(random)).ToArray();
        var users = new User[plan.Count];
        var done = 0;
        // Hashing a password is deliberately slow: spread it over the cores.
        await Parallel.ForAsync(0, plan.Count, ct, (i, _) =>
        {
            var (role, local, org) = plan[i];
            var email = $"{local}@{EmailDomain}";
            users[i] = UserAccounts.NewUser(org.PartnershipId, org.Id, email, names[i], DemoPassword(email), _now, role);
            progress?.Report(new DemoProgress("Users", Interlocked.Increment(ref done), plan.Count));
            return ValueTask.CompletedTask;
        });
        foreach (var user in users)
        {
            db.Users.Add(user);
            db.Set<IdentityUserToken<Guid>>().Add(UserAccounts.AuthenticatorKey(user, DemoTotpSecret(user.Email!)));
        }
        await SaveBatchAsync(ct);
    }

    private void SeedApiClients(DemoOrganisations orgs)
    {
        var gp = orgs.GpPractices[0];
        (Organisation Org, string Id, string Scopes)[] clients =
        [
            (orgs.Police, $"police-{PoliceForceCode}", "people:write people:read incidents:write"),
            (orgs.Council, "council", "people:read people:write organisations:read"),
            (orgs.Icb, "icb", "people:read"),
            (orgs.HospitalTrust, "hospital", "people:read health-flags:read"),
            (orgs.MentalHealthTrust, "mentalhealth", "people:read"),
            (gp, $"gp-{gp.OdsCode!.ToLowerInvariant()}", "people:read health-flags:read"),
        ];
        foreach (var (org, id, scopes) in clients)
        {
            var clientId = ClientIdPrefix + id;
            db.ApiClients.Add(new ApiClient
            {
                PartnershipId = org.PartnershipId, OrganisationId = org.Id, Name = $"{org.Name} (demo system)", ClientId = clientId,
                SecretHash = ApiClientSecrets.Hash(DemoApiSecret(clientId)), Scopes = scopes, CreatedAt = _now,
            });
        }
    }

    // ---- Children and their families ------------------------------------------------------------------------

    private async Task<List<PersonFacts>> SeedPeopleAsync(DemoScale scale, DemoOrganisations orgs, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        var random = new Random(2324);
        var partnershipId = orgs.Council.PartnershipId;
        var today = _now.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        var academicYear = today.Month >= 9 ? today.Year : today.Year - 1;
        var yearStart = new LocalDate(academicYear, 9, 1);

        Organisation[] primaries = [.. orgs.Schools.Where(s => s.Phase is SchoolPhase.Primary or SchoolPhase.AllThrough)];
        Organisation[] secondaries = [.. orgs.Schools.Where(s => s.Phase is SchoolPhase.Secondary or SchoolPhase.AllThrough)];
        Organisation[] specials = [.. orgs.Schools.Where(s => s.Phase == SchoolPhase.Special)];
        Organisation[] alternatives = [.. orgs.Schools.Where(s => s.Phase == SchoolPhase.AlternativeProvision)];
        Organisation[] colleges = [.. orgs.Colleges];
        Organisation[] practices = [.. orgs.GpPractices];
        Organisation[] issuers = [.. orgs.Schools.Where(s => orgs.EstablishmentNumbers.ContainsKey(s.Id))];
        var upnSerials = new Dictionary<(int Establishment, int Year), int>();
        var nhsNumbers = new NhsNumberSequence();
        // What the agency records are made from later: the entities themselves are detached at every batch.
        var facts = new List<PersonFacts>();
        var alikeTwinsSeeded = false;

        var (stage, target) = scale == DemoScale.City ? ("Pupils and their families", CityPupils) : ("Children and their families", SmallChildren);
        long pupils = 0, children = 0, pending = 0;
        bool Done() => (scale == DemoScale.City ? pupils : children) >= target;
        T Pick<T>(T[] items) => items[random.Next(items.Length)];

        progress?.Report(new DemoProgress(stage, 0, target));
        while (!Done())
        {
            var group = PickGroup(random);
            var familyName = Pick(group.Surnames);
            var household = new Household
            {
                PartnershipId = partnershipId,
                Address = $"{random.Next(1, 181)} {Pick(DemoNames.Places)} {Pick(DemoNames.StreetKinds)}, {Pick(DemoNames.Places)}",
                Postcode = string.Create(CultureInfo.InvariantCulture,
                    $"LS{random.Next(1, 30)} {random.Next(1, 10)}{DemoNames.PostcodeLetters[random.Next(20)]}{DemoNames.PostcodeLetters[random.Next(20)]}"),
            };
            db.Households.Add(household);
            // Most of a household share a practice; a few are not registered anywhere.
            var practice = random.NextDouble() < 0.97 ? Pick(practices) : null;
            var people = new List<Person>();

            var childCount = random.NextDouble() switch { < 0.35 => 1, < 0.73 => 2, < 0.91 => 3, < 0.98 => 4, _ => 5 };
            // Twins share surname, birth date and address, so only the given name tells them apart: the demo needs
            // them to show that linkage never merges them. About 1.5% of households; some twins have alike names.
            var twins = random.NextDouble() < 0.015;
            if (twins) childCount = Math.Max(childCount, 2);
            Person? firstTwin = null;
            string? secondTwinName = null;
            var secondTwinSex = Sex.Unknown;
            (Organisation? Org, PersonLinkKind Kind)? twinPlace = null;

            var oldest = 0;
            for (var c = 0; c < childCount && !Done(); c++)
            {
                var age = random.Next(0, 18);
                var dob = today.PlusYears(-age).PlusDays(-random.Next(0, 365));
                var sex = random.Next(2) == 0 ? Sex.Female : Sex.Male;
                var surname = random.NextDouble() < 0.85 ? familyName : Pick(group.Surnames);
                var given = Pick(sex == Sex.Female ? group.Girls : group.Boys);
                if (firstTwin is not null && c == 1)
                {
                    (dob, sex, surname) = (firstTwin.DateOfBirth!.Value, secondTwinSex, firstTwin.FamilyName);
                    age = Period.Between(dob, today, PeriodUnits.Years).Years;
                    given = secondTwinName ?? Pick(sex == Sex.Female ? group.Girls : group.Boys);
                    while (given == firstTwin.GivenName) given = Pick(sex == Sex.Female ? group.Girls : group.Boys);
                }
                oldest = Math.Max(oldest, age);
                var child = NewPerson(partnershipId, household, surname, given, sex, dob, nhsNumbers, random);
                child.IsSealed = random.NextDouble() < 0.005;
                children++;
                if (twins && c == 0)
                {
                    firstTwin = child;
                    // About two thirds of twins are the same sex (all identical twins and half of the others).
                    secondTwinSex = random.NextDouble() < 0.65 ? sex : sex == Sex.Female ? Sex.Male : Sex.Female;
                    // The first same-sex twins with names in the table always get alike names, so even the small demo has them.
                    var alikeRoll = random.NextDouble();
                    if (secondTwinSex == sex && (alikeRoll < 0.4 || !alikeTwinsSeeded) && DemoNames.AlikeTwinNames.TryGetValue(group.Heritage, out var alike))
                    {
                        alikeTwinsSeeded = true;
                        var pair = Pick(sex == Sex.Female ? alike.Girls : alike.Boys);
                        (child.GivenName, secondTwinName) = (pair[0], pair[1]);
                    }
                }

                // Year group from the academic year of birth: reception is 0, year 13 is 13.
                var birthYear = dob.Month >= 9 ? dob.Year : dob.Year - 1;
                var yearGroup = academicYear - 5 - birthYear;
                if (yearGroup >= 0)
                {
                    var issuer = Pick(issuers);
                    var establishment = orgs.EstablishmentNumbers[issuer.Id];
                    var issued = (academicYear - yearGroup) % 100;
                    var serial = upnSerials[(establishment, issued)] = upnSerials.GetValueOrDefault((establishment, issued)) + 1;
                    var last12 = string.Create(CultureInfo.InvariantCulture, $"{LocalAuthorityCode}{establishment:0000}{issued:00}{serial:000}");
                    child.Upn = Upn.CheckLetter(last12) + last12;

                    var roll = random.NextDouble();
                    (Organisation? Org, PersonLinkKind Kind) place = yearGroup switch
                    {
                        <= 11 when roll < 0.015 => (Pick(specials), PersonLinkKind.RegisteredPupil),
                        >= 7 and <= 11 when roll < 0.019 => (Pick(alternatives), PersonLinkKind.RegisteredPupil),
                        <= 6 => (Pick(primaries), PersonLinkKind.RegisteredPupil),
                        <= 11 => (Pick(secondaries), PersonLinkKind.RegisteredPupil),
                        // 16-17: some not in education, many at college, the rest in a sixth form.
                        _ when roll < 0.05 => (null, PersonLinkKind.RegisteredPupil),
                        _ when roll < 0.50 => (Pick(colleges), PersonLinkKind.CollegeStudent),
                        _ => (Pick(secondaries), PersonLinkKind.RegisteredPupil),
                    };
                    // Twins go to one school, as most do.
                    if (child == firstTwin) twinPlace = place;
                    else if (firstTwin is not null && c == 1 && twinPlace is { } shared) place = shared;
                    if (place.Org is not null)
                    {
                        child.Links.Add(new PersonLink { PartnershipId = partnershipId, OrganisationId = place.Org.Id, Kind = place.Kind, From = yearStart });
                        if (place.Kind == PersonLinkKind.RegisteredPupil) pupils++;
                    }
                }
                people.Add(child);
            }
            var householdChildren = people.Count;

            // One or two adults, old enough to be the parents.
            var adults = random.NextDouble() < 0.25 ? 1 : 2;
            for (var a = 0; a < adults; a++)
            {
                var sex = adults == 1 ? (random.NextDouble() < 0.85 ? Sex.Female : Sex.Male) : a == 0 ? Sex.Female : Sex.Male;
                var age = oldest + random.Next(18, 36);
                var dob = today.PlusYears(-age).PlusDays(-random.Next(0, 365));
                var surname = a == 0 || random.NextDouble() < 0.7 ? familyName : Pick(PickGroup(random).Surnames);
                people.Add(NewPerson(partnershipId, household, surname, Pick(sex == Sex.Female ? group.Girls : group.Boys), sex, dob, nhsNumbers, random));
            }

            for (var i = 0; i < people.Count; i++)
            {
                var person = people[i];
                person.RecordedByOrganisationId = practice?.Id ?? orgs.Council.Id;
                if (practice is not null)
                {
                    // Registered at birth or on moving to the practice in the last 15 years.
                    var joined = today.PlusYears(-random.Next(0, 15));
                    var from = person.DateOfBirth!.Value > joined ? person.DateOfBirth.Value : joined;
                    person.Links.Add(new PersonLink { PartnershipId = partnershipId, OrganisationId = practice.Id, Kind = PersonLinkKind.RegisteredPatient, From = from });
                }
                db.People.Add(person);
                pending += 1 + person.Links.Count;
                var place = person.Links.FirstOrDefault(l => l.Kind is PersonLinkKind.RegisteredPupil or PersonLinkKind.CollegeStudent);
                facts.Add(new PersonFacts(person.Id, household, group, person.GivenName, person.FamilyName, person.DateOfBirth!.Value, person.Sex,
                    person.NhsNumber, person.Upn, i < householdChildren, place?.OrganisationId, place?.Kind, practice?.Id));
            }
            pending += 1 + AddRelationships(partnershipId, people, householdChildren);

            if (pending >= BatchSize)
            {
                await SaveBatchAsync(ct);
                pending = 0;
                progress?.Report(new DemoProgress(stage, scale == DemoScale.City ? pupils : children, target));
            }
        }
        await SaveBatchAsync(ct);
        progress?.Report(new DemoProgress(stage, target, target));
        return facts;
    }

    /// <summary>
    /// The household's relationships, each in both directions: a child's parents are the household's adults (there
    /// is no "child" kind, so a parent's row for the child says household member), children are siblings, and the
    /// adults are household members of each other. Children come first in <paramref name="people"/>.
    /// </summary>
    private int AddRelationships(Guid partnershipId, List<Person> people, int childCount)
    {
        var added = 0;
        void Add(Person person, Person related, RelationshipKind kind)
        {
            db.PersonRelationships.Add(new PersonRelationship { PartnershipId = partnershipId, PersonId = person.Id, RelatedPersonId = related.Id, Kind = kind });
            added++;
        }

        for (var i = 0; i < people.Count; i++)
        {
            for (var j = 0; j < people.Count; j++)
            {
                if (i == j) continue;
                var (iChild, jChild) = (i < childCount, j < childCount);
                Add(people[i], people[j], (iChild, jChild) switch
                {
                    (true, true) => RelationshipKind.Sibling,
                    (true, false) => RelationshipKind.Parent,
                    _ => RelationshipKind.HouseholdMember,
                });
            }
        }
        return added;
    }

    private Person NewPerson(Guid partnershipId, Household household, string familyName, string givenName, Sex sex, LocalDate dob,
        NhsNumberSequence nhsNumbers, Random random) => new()
        {
            PartnershipId = partnershipId,
            HouseholdId = household.Id,
            GivenName = givenName,
            FamilyName = familyName,
            DateOfBirth = dob,
            Sex = sex,
            // A few people (recent arrivals) have no NHS number yet.
            NhsNumber = random.NextDouble() < 0.99 ? nhsNumbers.Next() : null,
            CreatedAt = _now,
        };

    private static DemoNames.NameGroup PickGroup(Random random)
    {
        var roll = random.NextDouble() * DemoNames.Groups.Sum(g => g.Weight);
        foreach (var group in DemoNames.Groups)
        {
            if (roll < group.Weight) return group;
            roll -= group.Weight;
        }
        return DemoNames.Groups[^1];
    }

    private static string RandomAdultName(Random random)
    {
        var group = PickGroup(random);
        var given = random.Next(2) == 0 ? group.Girls : group.Boys;
        return $"{given[random.Next(given.Length)]} {group.Surnames[random.Next(group.Surnames.Length)]}";
    }

    /// <summary>
    /// Distinct NHS numbers in 999 000 0000 - 999 999 9999, the range reserved for testing, so that no demo person can
    /// carry a real patient's number. Steps through the million prefixes by a stride coprime to a million, so every
    /// prefix comes once and numbers look scattered rather than sequential.
    /// </summary>
    private sealed class NhsNumberSequence
    {
        private const int Stride = 389_111;
        private int _index;

        public string Next()
        {
            while (true)
            {
                var prefix = 999_000_000 + (int)((123_457L + (long)_index++ * Stride) % 1_000_000);
                if (_index > 1_000_000) throw new InvalidOperationException("The NHS test number range is used up.");
                var nine = prefix.ToString(CultureInfo.InvariantCulture);
                if (NhsNumber.TryCheckDigit(nine) is not null) return NhsNumber.WithCheckDigit(nine);
            }
        }
    }

    // ---- Agency records ---------------------------------------------------------------------------------------

    /// <summary>What a person's agency records are made from: their true values, household and where they are known.</summary>
    private sealed record PersonFacts(Guid Id, Household Household, DemoNames.NameGroup Group, string GivenName, string FamilyName,
        LocalDate DateOfBirth, Sex Sex, string? NhsNumber, string? Upn, bool IsChild, Guid? PlaceId, PersonLinkKind? PlaceKind, Guid? PracticeId);

    /// <summary>
    /// Every agency's record of each person, as that agency wrote it, already linked to the person: the school roll,
    /// the college, the GP practice, and for some people the police and children's social care. Police records carry
    /// the noise that real ones do (nicknames, typos, swapped or partial birth dates, changed surnames), so the
    /// person index has something to link; the person keeps the true values.
    /// </summary>
    private async Task SeedSourceRecordsAsync(DemoOrganisations orgs, List<PersonFacts> people, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        const string stage = "Agency records";
        // Its own seed, so that the agency records can change without changing the people.
        var random = new Random(2325);
        var partnershipId = orgs.Council.PartnershipId;
        var localIds = new Dictionary<Guid, int>();
        var json = new SourceJson();
        var pending = 0;

        string NextLocalId(Guid organisationId, int start, string format)
        {
            var next = localIds[organisationId] = localIds.TryGetValue(organisationId, out var last) ? last + 1 : start;
            return next.ToString(format, CultureInfo.InvariantCulture);
        }

        void Add(PersonFacts person, Guid organisationId, string system, string localId, SourceFields fields)
        {
            db.SourceRecords.Add(new SourceRecord
            {
                PartnershipId = partnershipId, OrganisationId = organisationId, SourceSystem = system, LocalId = localId,
                // Sent in the fortnight before the seed.
                ReceivedAt = _now - Duration.FromSeconds(random.Next(60, 14 * 24 * 3600)),
                Received = json.Write(fields),
                GivenName = fields.GivenName, FamilyName = fields.FamilyName, DateOfBirth = fields.DateOfBirth, Sex = fields.Sex,
                Postcode = fields.Postcode, Address = fields.Address, NhsNumber = fields.NhsNumber, Upn = fields.Upn,
                PersonId = person.Id, Outcome = LinkOutcome.LinkedAutomatically, MatchProbability = null,
            });
            pending++;
        }

        progress?.Report(new DemoProgress(stage, 0, people.Count));
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            var clean = new SourceFields(person.GivenName, person.FamilyName, IsoDate(person.DateOfBirth), person.Sex,
                person.Household.Postcode, person.Household.Address, null, null);

            if (person.PlaceKind == PersonLinkKind.RegisteredPupil && person.PlaceId is { } school)
                Add(person, school, "SIMS", NextLocalId(school, 100 + random.Next(900), "'ADM-'000000"), clean with { Upn = person.Upn });
            if (person.PlaceKind == PersonLinkKind.CollegeStudent && person.PlaceId is { } college)
                Add(person, college, "ProSolution", NextLocalId(college, 20_000 + random.Next(10_000), "'STU'0000000"), clean with { Upn = person.Upn });
            if (person.PracticeId is { } practice)
                Add(person, practice, "EMIS", NextLocalId(practice, 1_000 + random.Next(9_000), "0"), clean with { NhsNumber = person.NhsNumber });
            if (random.NextDouble() < (person.IsChild ? 0.04 : 0.06))
                Add(person, orgs.Police.Id, "Niche", NextLocalId(orgs.Police.Id, 4_100_000, "'NOM-'00000000"), PoliceRecord(person, clean, random));
            if (person.IsChild && random.NextDouble() < 0.03)
            {
                // Children's social care records are mostly clean; they hold the NHS number when health shared it.
                var record = clean with
                {
                    NhsNumber = random.NextDouble() < 0.8 ? person.NhsNumber : null,
                    Postcode = random.NextDouble() < 0.03 ? null : clean.Postcode,
                };
                Add(person, orgs.Council.Id, "Mosaic", NextLocalId(orgs.Council.Id, 1_200_000, "0"), record);
            }

            if (pending >= BatchSize)
            {
                await SaveBatchAsync(ct);
                pending = 0;
                progress?.Report(new DemoProgress(stage, i + 1, people.Count));
            }
        }
        await SaveBatchAsync(ct);
        progress?.Report(new DemoProgress(stage, people.Count, people.Count));
    }

    /// <summary>
    /// A police record of the person: officers write down what they are told, so a nickname or short form instead of
    /// the registered name, a typo, day and month swapped or the day unknown, no postcode, or another surname.
    /// </summary>
    private static SourceFields PoliceRecord(PersonFacts person, SourceFields clean, Random random)
    {
        var given = clean.GivenName!;
        var family = clean.FamilyName!;
        if (random.NextDouble() < 0.35 && DemoNames.Nicknames.TryGetValue(given, out var nicknames))
            given = nicknames[random.Next(nicknames.Length)];

        var surnameRoll = random.NextDouble();
        if (surnameRoll < 0.04)
            family = $"{family}-{person.Group.Surnames[random.Next(person.Group.Surnames.Length)]}";
        else if (surnameRoll < 0.07)
            family = person.Group.Surnames[random.Next(person.Group.Surnames.Length)];

        if (random.NextDouble() < 0.08)
        {
            if (random.Next(2) == 0) given = Typo(given, random);
            else family = Typo(family, random);
        }

        var dob = clean.DateOfBirth;
        var (day, month, year) = (person.DateOfBirth.Day, person.DateOfBirth.Month, person.DateOfBirth.Year);
        var dateRoll = random.NextDouble();
        // Swapped as written, even when that gives a month over 12: the index compares dates as written.
        if (dateRoll < 0.08 && day != month) dob = IsoDate(year, day, month);
        else if (dateRoll < 0.13) dob = IsoDate(year, month, 0);

        return clean with
        {
            GivenName = given, FamilyName = family, DateOfBirth = dob,
            Postcode = random.NextDouble() < 0.15 ? null : clean.Postcode,
        };
    }

    /// <summary>One slip of the keyboard: a letter swapped with the next, dropped, doubled or replaced. Never the first letter.</summary>
    private static string Typo(string name, Random random)
    {
        if (name.Length < 3) return name;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var i = random.Next(1, name.Length - 1);
            var typo = random.Next(4) switch
            {
                0 => string.Concat(name.AsSpan(0, i), name.AsSpan(i + 1, 1), name.AsSpan(i, 1), name.AsSpan(i + 2)),
                1 => name.Remove(i, 1),
                2 => name.Insert(i, name[i].ToString()),
                _ => string.Concat(name.AsSpan(0, i), ((char)('a' + random.Next(26))).ToString(), name.AsSpan(i + 1)),
            };
            if (typo != name) return typo;
        }
        return name;
    }

    private static string IsoDate(LocalDate date) => IsoDate(date.Year, date.Month, date.Day);

    private static string IsoDate(int year, int month, int day) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}");

    /// <summary>The fields an agency sent, as it wrote them; null when it did not send one.</summary>
    private sealed record SourceFields(string? GivenName, string? FamilyName, string? DateOfBirth, Sex Sex, string? Postcode,
        string? Address, string? NhsNumber, string? Upn);

    /// <summary>Writes the record as received: a small JSON object of exactly the fields sent, in a fixed order.</summary>
    private sealed class SourceJson
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(512);
        private readonly Utf8JsonWriter _writer;

        public SourceJson() => _writer = new Utf8JsonWriter(_buffer);

        public string Write(SourceFields fields)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            _writer.WriteStartObject();
            Field("given_name", fields.GivenName);
            Field("family_name", fields.FamilyName);
            Field("date_of_birth", fields.DateOfBirth);
            Field("sex", fields.Sex switch { Sex.Female => "F", Sex.Male => "M", _ => null });
            Field("postcode", fields.Postcode);
            Field("address", fields.Address);
            Field("nhs_number", fields.NhsNumber);
            Field("upn", fields.Upn);
            _writer.WriteEndObject();
            _writer.Flush();
            return Encoding.UTF8.GetString(_buffer.WrittenSpan);
        }

        private void Field(string name, string? value)
        {
            if (value is not null) _writer.WriteString(name, value);
        }
    }

    // ---- Credentials ------------------------------------------------------------------------------------------

    /// <summary>Rebuilt from the database and the fixed key, so it is the same after the seed and on any later run.</summary>
    private async Task<DemoCredentials> CredentialsAsync(Guid partnershipId, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId)
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var users = await db.Users.AsNoTracking().Include(u => u.Roles)
            .Where(u => u.PartnershipId == partnershipId && u.Email!.EndsWith("@" + EmailDomain))
            .ToListAsync(ct);
        var clients = await db.ApiClients.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.ClientId.StartsWith(ClientIdPrefix))
            .ToListAsync(ct);

        return new DemoCredentials(
            users.Select(u => (User: u, Role: u.Roles.Select(r => r.Role).DefaultIfEmpty(Role.Analyst).Min()))
                .OrderBy(x => x.Role).ThenBy(x => x.User.Email, StringComparer.Ordinal)
                .Select(x => new DemoUserCredential(x.Role.ToString(), x.User.DisplayName, x.User.Email!, DemoPassword(x.User.Email!),
                    DemoTotpSecret(x.User.Email!), organisations.GetValueOrDefault(x.User.OrganisationId, "")))
                .ToList(),
            clients.OrderBy(c => c.ClientId, StringComparer.Ordinal)
                .Select(c => new DemoApiClientCredential(organisations.GetValueOrDefault(c.OrganisationId, ""), c.ClientId, DemoApiSecret(c.ClientId), c.Scopes))
                .ToList());
    }

    private static byte[] Derive(string purpose, string subject) =>
        HMACSHA256.HashData(CredentialKey, Encoding.UTF8.GetBytes($"{purpose}:{subject}"));

    internal static string DemoPassword(string email) => UserAccounts.PasswordFrom(Derive("password", email));

    internal static string DemoTotpSecret(string email) => Base32.Encode(Derive("totp", email).AsSpan(0, 20));

    internal static string DemoApiSecret(string clientId) =>
        Convert.ToBase64String(Derive("api-client", clientId)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
