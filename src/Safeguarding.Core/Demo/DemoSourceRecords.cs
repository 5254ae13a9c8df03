using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;

namespace Safeguarding.Core.Demo;

/// <summary>
/// Every agency's record of each person, as that agency wrote it, already linked to the person: the school roll,
/// the college, the GP practice, and for some people the police and children's social care. Police records carry
/// the noise that real ones do (nicknames, typos, swapped or partial birth dates, changed surnames), so the
/// person index has something to link; the person keeps the true values.
/// </summary>
internal sealed class DemoSourceRecords(SafeguardingDbContext db, Instant now)
{
    public async Task SeedAsync(DemoOrganisations orgs, List<PersonFacts> people, IProgress<DemoProgress>? progress, CancellationToken ct)
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
                ReceivedAt = now - Duration.FromSeconds(random.Next(60, 14 * 24 * 3600)),
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

            if (pending >= DemoPartnership.BatchSize)
            {
                await DemoPartnership.SaveBatchAsync(db, ct);
                pending = 0;
                progress?.Report(new DemoProgress(stage, i + 1, people.Count));
            }
        }
        await DemoPartnership.SaveBatchAsync(db, ct);
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
}
