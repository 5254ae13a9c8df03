using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Exploitation.Shield;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Demo;

/// <summary>
/// Two years of police serious violence incidents for the demo partnership, written directly (as the intake would leave
/// them) in bulk. Calibrated to issue 14: about <see cref="YoungPerDay"/> incidents a day with a victim or suspect under 25
/// (with the emergency department's one or two knife assaults a day, Project Shield's ~15 cases a day), and a few a day
/// with adults only; a knife or sharp object in about one in five (possession aside), a firearm rarely, about a quarter of
/// assaults domestic; a handful of non-domestic knife homicides a year. The year before the last is a little higher in
/// each, so that the dashboard shows the aims' fall. Victims and suspects are people of the demo's person index of a
/// fitting age (so the same young people recur, as they do); one incident in twenty was sent twice (a first version
/// superseded).
/// </summary>
public sealed class DemoViolenceIncidents(SafeguardingDbContext db)
{
    public const double YoungPerDay = 13, YoungPerDayYearBefore = 14.5, AdultsPerDay = 4;
    public const double KnifeShare = 0.19, KnifeShareYearBefore = 0.23;
    public const int KnifeHomicides = 5, KnifeHomicidesYearBefore = 7;

    private static readonly (ViolenceOffence Offence, double Share)[] Mix =
    [
        (ViolenceOffence.AssaultWithInjury, 0.55), (ViolenceOffence.Robbery, 0.15), (ViolenceOffence.SexualOffence, 0.10),
        (ViolenceOffence.WeaponPossession, 0.10), (ViolenceOffence.ThreatsToKill, 0.07), (ViolenceOffence.AttemptedMurder, 0.03),
    ];

    private static readonly string[] Postcodes = ["AV1 2BB", "AV2 7QR", "AV3 1HX", "AV4 9LP", "AV5 3DN", "AV6 8TS", "AV7 4JW", "AV8 6FE"];

    private static readonly Dictionary<ViolenceOffence, string> Summaries = new()
    {
        [ViolenceOffence.AssaultWithInjury] = "Assaulted in the street after an argument; injuries treated.",
        [ViolenceOffence.Robbery] = "Phone and bike taken by a group near the park.",
        [ViolenceOffence.SexualOffence] = "Sexual assault reported after a party; enquiries ongoing.",
        [ViolenceOffence.WeaponPossession] = "Stopped and searched; a bladed article found.",
        [ViolenceOffence.ThreatsToKill] = "Threats to kill made in person and by message.",
        [ViolenceOffence.AttemptedMurder] = "Serious wounding outside a takeaway; victim taken to hospital.",
        [ViolenceOffence.Homicide] = "Homicide enquiry opened after a fatal assault.",
    };

    private sealed record Candidate(Guid Id, string GivenName, string FamilyName, LocalDate DateOfBirth);

    public async Task SeedAsync(Guid partnershipId, Instant now, CancellationToken ct = default)
    {
        var random = new Random(14_003);
        var police = await db.Organisations.AsNoTracking().FirstAsync(o => o.PartnershipId == partnershipId && o.Type == OrganisationType.PoliceForce, ct);
        var today = now.InZone(SchoolDays.London).Date;
        // Under 25 on any day of the two years (12 to 24 now); 27 to 60 now is 25 or over throughout.
        var (youngFrom, youngTo, adultFrom, adultTo) = (today.PlusYears(-25).PlusDays(1), today.PlusYears(-12), today.PlusYears(-61), today.PlusYears(-27));
        var people = await db.People.AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId && p.MergedIntoPersonId == null && !p.IsSealed && p.DateOfBirth != null
                        && ((p.DateOfBirth >= youngFrom && p.DateOfBirth <= youngTo) || (p.DateOfBirth >= adultFrom && p.DateOfBirth <= adultTo)))
            .OrderBy(p => p.Id).Select(p => new Candidate(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth!.Value)).Take(4_000).ToListAsync(ct);
        var young = people.Where(p => p.DateOfBirth >= youngFrom).ToList();
        var adults = people.Where(p => p.DateOfBirth <= adultTo).ToList();
        if (young.Count == 0 || adults.Count == 0) return;

        var inBulk = db.WriteNewRowsInBulk;
        db.WriteNewRowsInBulk = true;
        try
        {
            var (number, added) = (0, 0);
            var yearAgo = today.PlusDays(-365);
            // Homicides on days drawn across each year, apart from the daily flow.
            var homicideDays = new Dictionary<LocalDate, int>();
            foreach (var (count, start) in new[] { (KnifeHomicides, yearAgo), (KnifeHomicidesYearBefore, yearAgo.PlusDays(-365)) })
                for (var h = 0; h < count; h++)
                {
                    var day = start.PlusDays(random.Next(365));
                    homicideDays[day] = homicideDays.GetValueOrDefault(day) + 1;
                }
            for (var day = today.PlusDays(-730); day < today; day = day.PlusDays(1))
            {
                var older = day < yearAgo;
                var knifeShare = older ? KnifeShareYearBefore : KnifeShare;
                for (var i = Poisson(random, older ? YoungPerDayYearBefore : YoungPerDay); i > 0; i--)
                    Add(Pick(random), knifeShare, youngInvolved: true, domesticHomicide: false);
                for (var i = Poisson(random, AdultsPerDay); i > 0; i--)
                    Add(Pick(random), knifeShare, youngInvolved: false, domesticHomicide: false);
                for (var h = homicideDays.GetValueOrDefault(day); h > 0; h--)
                    Add(ViolenceOffence.Homicide, 1, youngInvolved: random.NextDouble() < 0.5, domesticHomicide: false);
                // A domestic homicide about twice a year: not one of Shield's.
                if (random.NextDouble() < 2.0 / 365) Add(ViolenceOffence.Homicide, 0.5, youngInvolved: false, domesticHomicide: true);
                if (added > DemoPartnership.BatchSize)
                {
                    await DemoPartnership.SaveBatchAsync(db, ct);
                    added = 0;
                }

                void Add(ViolenceOffence offence, double share, bool youngInvolved, bool domesticHomicide)
                {
                    var occurred = day.At(new LocalTime((17 + random.Next(11)) % 24, random.Next(60))).InZoneLeniently(SchoolDays.London).ToInstant();
                    // Reported within three hours (never after the seed); a second version a day later.
                    var reported = Instant.Min(occurred + Duration.FromMinutes(10 + random.Next(170)), now);
                    var knife = offence == ViolenceOffence.WeaponPossession ? random.NextDouble() < 0.8 : random.NextDouble() < share;
                    var domestic = domesticHomicide || (offence is ViolenceOffence.AssaultWithInjury or ViolenceOffence.ThreatsToKill && !youngInvolved && random.NextDouble() < 0.25);
                    // Under 25: the victim for seven in ten, otherwise the suspect with an older victim.
                    var victimYoung = youngInvolved && random.NextDouble() < 0.7;
                    var suspectYoung = youngInvolved && (!victimYoung || random.NextDouble() < 0.6);
                    var named = new List<(ViolenceRole Role, Candidate Who)>();
                    if (offence != ViolenceOffence.WeaponPossession) named.Add((ViolenceRole.Victim, From(victimYoung ? young : adults)));
                    // Possession has a suspect and no victim; an unknown suspect in about one in four of the rest.
                    if (offence == ViolenceOffence.WeaponPossession || random.NextDouble() < 0.75) named.Add((ViolenceRole.Suspect, From(suspectYoung || (youngInvolved && named.Count == 0) ? young : adults)));
                    var report = new ViolenceReport
                    {
                        PoliceReference = $"SV/{day.Year % 100:00}/{++number:000000}", Version = 1, OccurredAt = occurred.ToString(),
                        ReportedAt = reported.ToString(), Postcode = Postcodes[random.Next(Postcodes.Length)],
                        Offence = offence.ToString(), KnifeOrSharpObject = knife, Firearm = random.NextDouble() < 0.01, Domestic = domestic, Summary = Summaries[offence],
                        People = [.. named.Select(n => new ViolencePersonReport
                        {
                            Role = n.Role.ToString(), GivenName = n.Who.GivenName, FamilyName = n.Who.FamilyName, DateOfBirth = n.Who.DateOfBirth.ToString("yyyy-MM-dd", null),
                        })],
                    };
                    // One in twenty was sent twice: the first version said assault, the second (current) the offence as it stands.
                    var twice = offence != ViolenceOffence.AssaultWithInjury && random.NextDouble() < 0.05;
                    if (twice) Store(report with { Offence = nameof(ViolenceOffence.AssaultWithInjury) }, ViolenceOffence.AssaultWithInjury, 1, latest: false);
                    Store(report, offence, twice ? 2 : 1, latest: true);

                    void Store(ViolenceReport sent, ViolenceOffence asOffence, int version, bool latest)
                    {
                        var receivedAt = Instant.Min(reported + Duration.FromDays(version - 1), now);
                        added += 1 + named.Count;
                        db.Add(new ViolenceIncident
                        {
                            PartnershipId = partnershipId, ForceOrganisationId = police.Id, PoliceReference = sent.PoliceReference!, Version = version, IsLatest = latest,
                            OccurredAt = occurred, ReportedAt = reported, Postcode = sent.Postcode, Offence = asOffence, KnifeOrSharpObject = knife, Firearm = sent.Firearm!.Value,
                            Domestic = domestic, Summary = sent.Summary, ReceivedAt = receivedAt, Received = JsonSerializer.Serialize(sent with { Version = version }, IncidentReport.Json),
                            Fingerprint = sent.Fingerprint(),
                            People = [.. named.Select(n => new ViolenceIncidentPerson
                            {
                                Role = n.Role, GivenName = n.Who.GivenName, FamilyName = n.Who.FamilyName, DateOfBirth = n.Who.DateOfBirth,
                                AgeAtIncident = ViolenceReportRules.AgeOn(n.Who.DateOfBirth, occurred), PersonId = n.Who.Id,
                            })],
                        });
                    }
                }
            }
            await DemoPartnership.SaveBatchAsync(db, ct);
        }
        finally
        {
            db.WriteNewRowsInBulk = inBulk;
        }

        Candidate From(List<Candidate> pool) => pool[random.Next(pool.Count)];
    }

    private static ViolenceOffence Pick(Random random)
    {
        var roll = random.NextDouble();
        foreach (var (offence, share) in Mix)
        {
            if (roll < share) return offence;
            roll -= share;
        }
        return ViolenceOffence.AssaultWithInjury;
    }

    /// <summary>A day's count drawn around its mean (Knuth's method; the means here are small).</summary>
    private static int Poisson(Random random, double mean)
    {
        var (limit, k, p) = (Math.Exp(-mean), 0, 1.0);
        do { k++; p *= random.NextDouble(); } while (p > limit);
        return k - 1;
    }
}
