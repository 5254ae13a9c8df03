using System.Globalization;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Demo;

/// <summary>What a person's agency records are made from: their true values, household and where they are known.</summary>
internal sealed record PersonFacts(Guid Id, Household Household, DemoNames.NameGroup Group, string GivenName, string FamilyName,
    LocalDate DateOfBirth, Sex Sex, string? NhsNumber, string? Upn, bool IsChild, Guid? PlaceId, PersonLinkKind? PlaceKind, Guid? PracticeId);

/// <summary>
/// The demo's children and their families: households of one to five children and one or two adults, with names from
/// the city's communities, twins, NHS numbers from the test range, UPNs, school or college places and GP practices,
/// and each household's relationships. Saved in batches; what the agency records need is handed back.
/// </summary>
internal sealed class DemoPeople(SafeguardingDbContext db, Instant now)
{
    public async Task<List<PersonFacts>> SeedAsync(DemoScale scale, DemoOrganisations orgs, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        var random = new Random(2324);
        var partnershipId = orgs.Council.PartnershipId;
        var today = now.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
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

        var (stage, target) = scale == DemoScale.City ? ("Pupils and their families", DemoPartnership.CityPupils) : ("Children and their families", DemoPartnership.SmallChildren);
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
                    var last12 = string.Create(CultureInfo.InvariantCulture, $"{DemoPartnership.LocalAuthorityCode}{establishment:0000}{issued:00}{serial:000}");
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

            if (pending >= DemoPartnership.BatchSize)
            {
                await DemoPartnership.SaveBatchAsync(db, ct);
                pending = 0;
                progress?.Report(new DemoProgress(stage, scale == DemoScale.City ? pupils : children, target));
            }
        }
        await DemoPartnership.SaveBatchAsync(db, ct);
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
            CreatedAt = now,
        };

    internal static DemoNames.NameGroup PickGroup(Random random)
    {
        var roll = random.NextDouble() * DemoNames.Groups.Sum(g => g.Weight);
        foreach (var group in DemoNames.Groups)
        {
            if (roll < group.Weight) return group;
            roll -= group.Weight;
        }
        return DemoNames.Groups[^1];
    }

    internal static string RandomAdultName(Random random)
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
}
