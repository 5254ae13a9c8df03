using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Demo;

/// <summary>
/// A year of register marks and suspensions for the demo pupils, deterministic (seeded), calibrated so that the
/// measures land near the seed's figures: attendance about 94% primary and 90% secondary, persistent absence about
/// 17% primary and 27% secondary, severe absence about 1.5% primary and 4.8% secondary. The same generator writes
/// the benchmark's synthetic city-year as CSV files.
/// </summary>
public static class DemoLearners
{
    // Per phase: the share of pupils severely absent (absent 50-95% of sessions), and the mean of the exponential
    // absence rate of everyone else, chosen so that P(rate >= 10%) plus the severe share gives the PA target.
    private static readonly (double Severe, double Mean) Primary = (0.015, 0.1 / Math.Log(1 / (0.17 - 0.015)));
    private static readonly (double Severe, double Mean) Secondary = (0.048, 0.1 / Math.Log(1 / (0.27 - 0.048)));

    private static readonly byte Am = SessionCodes.ToByte("/"), Pm = SessionCodes.ToByte("\\"), Late = SessionCodes.ToByte("L");
    private static readonly byte[] Authorised = [.. new[] { "I", "I", "I", "I", "M", "C", "C1", "R", "E", "J1" }.Select(c => SessionCodes.ToByte(c))];
    private static readonly byte[] Unauthorised = [.. new[] { "O", "O", "G", "N", "U" }.Select(c => SessionCodes.ToByte(c))];
    private static readonly byte[] Activity = [.. new[] { "V", "P", "K", "W", "B" }.Select(c => SessionCodes.ToByte(c))];

    /// <summary>
    /// The school days of a year: weekdays from the first Monday of September, less the usual holidays (October half
    /// term, two weeks at Christmas, February half term, two weeks at Easter, May half term), 190 days in all.
    /// </summary>
    public static int[] SchoolDays(AcademicYear year)
    {
        var days = new List<int>();
        var date = year.Start;
        while (date.DayOfWeek != IsoDayOfWeek.Monday) date = date.PlusDays(1);
        var y = year.StartYear;
        (LocalDate From, LocalDate To)[] holidays =
        [
            (LastMonday(y, 10), LastMonday(y, 10).PlusDays(4)),
            (new LocalDate(y, 12, 22), new LocalDate(y + 1, 1, 3)),
            (ThirdMonday(y + 1, 2), ThirdMonday(y + 1, 2).PlusDays(4)),
            (ThirdMonday(y + 1, 4).PlusWeeks(-1), ThirdMonday(y + 1, 4).PlusDays(4)),
            (year.SummerSecondHalfStarts.PlusWeeks(-1), year.SummerSecondHalfStarts.PlusDays(-1)),
        ];
        while (days.Count < 190 && date <= year.End)
        {
            if (!AcademicYear.IsWeekend(date) && !holidays.Any(h => date >= h.From && date <= h.To))
                days.Add(year.SessionIndex(date, afternoon: false) / 2);
            date = date.PlusDays(1);
        }
        return [.. days];

        static LocalDate LastMonday(int year, int month)
        {
            var d = new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1);
            while (d.DayOfWeek != IsoDayOfWeek.Monday) d = d.PlusDays(-1);
            return d;
        }

        static LocalDate ThirdMonday(int year, int month)
        {
            var d = new LocalDate(year, month, 1);
            while (d.DayOfWeek != IsoDayOfWeek.Monday) d = d.PlusDays(1);
            return d.PlusWeeks(2);
        }
    }

    /// <summary>
    /// A pupil's marks on the school days <paramref name="days"/>[from..to): the pupil's own absence rate is drawn
    /// once, then each session is absent with that chance (about two thirds authorised, mostly illness).
    /// </summary>
    public static byte[] Sessions(Random random, int[] days, bool secondary, int from = 0, int to = int.MaxValue)
    {
        to = Math.Min(to, days.Length);
        var (severe, mean) = secondary ? Secondary : Primary;
        var rate = random.NextDouble() < severe ? 0.5 + 0.45 * random.NextDouble() : Math.Min(0.49, -mean * Math.Log(1 - random.NextDouble()));
        var sessions = new byte[to > from ? days[to - 1] * 2 + 2 : 0];
        var unauthorisedShare = secondary ? 0.4 : 0.25;
        for (var d = from; d < to; d++)
        {
            for (var pm = 0; pm < 2; pm++)
            {
                var r = random.NextDouble();
                sessions[days[d] * 2 + pm] = r < rate
                    ? r < rate * unauthorisedShare ? Unauthorised[random.Next(Unauthorised.Length)] : Authorised[random.Next(Authorised.Length)]
                    : r > 0.995 ? Activity[random.Next(Activity.Length)]
                    : r > 0.985 ? Late
                    : pm == 0 ? Am : Pm;
            }
        }
        return sessions;
    }

    /// <summary>About 4 suspensions per 100 secondary pupils a term and a tenth of that in primary, a few sessions each.</summary>
    private static IEnumerable<(LocalDate Start, int Sessions, bool Permanent)> Suspensions(Random random, AcademicYear year, int[] days, bool secondary)
    {
        var chance = secondary ? 0.07 : 0.008;
        // A pupil has one suspension a day at most (the key of learners_suspensions): at city scale two draws of the
        // same day for one pupil happen, so a repeated day is dropped, without changing the random draws that follow.
        var started = new HashSet<LocalDate>();
        while (random.NextDouble() < chance)
        {
            chance = 0.45; // a pupil suspended once is often suspended again
            var permanent = random.NextDouble() < (secondary ? 0.02 : 0.005);
            var start = year.DateOf(days[random.Next(days.Length)] * 2);
            var sessions = permanent ? 2 : 1 + random.Next(1, 10);
            if (started.Add(start)) yield return (start, sessions, permanent);
            if (permanent) yield break;
        }
    }

    private static readonly string[] SuspensionReasons =
        ["Persistent disruptive behaviour", "Verbal abuse or threatening behaviour against an adult", "Physical assault against a pupil", "Use or threat of use of an offensive weapon or prohibited item", "Abuse relating to sexual orientation or gender identity"];

    /// <summary>
    /// The last complete academic year (for the yearly figures) and the current one up to today (for worklists), for
    /// the demo pupils already on school rolls in the person index.
    /// </summary>
    public static async Task SeedAsync(SafeguardingDbContext db, Guid partnershipId, Instant now, IProgress<DemoProgress>? progress = null, CancellationToken ct = default)
    {
        var today = now.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        var current = AcademicYear.Containing(today);
        progress?.Report(new DemoProgress("School attendance", 0, 2));
        await SeedYearAsync(db, partnershipId, new AcademicYear(current.StartYear - 1), today, ct);
        progress?.Report(new DemoProgress("School attendance", 1, 2));
        await SeedYearAsync(db, partnershipId, current, today, ct);
        progress?.Report(new DemoProgress("School attendance", 2, 2));
    }

    private static async Task SeedYearAsync(SafeguardingDbContext db, Guid partnershipId, AcademicYear year, LocalDate today, CancellationToken ct)
    {
        var random = new Random(2405 + year.StartYear);
        var days = SchoolDays(year);
        // Only the days before today are marked when the demo is seeded mid-year.
        var marked = today > year.End ? days.Length : days.Count(d => year.DateOf(d * 2) < today);
        var pupils = await (
                from r in db.SourceRecords.AsNoTracking()
                join o in db.Organisations.AsNoTracking() on r.OrganisationId equals o.Id
                join p in db.People.AsNoTracking() on r.PersonId equals p.Id
                where r.PartnershipId == partnershipId && o.Type == OrganisationType.School && r.Upn != null && o.Urn != null
                orderby r.Upn, o.Urn
                select new { r.Upn, o.Urn, o.Phase, PersonId = p.Id, p.DateOfBirth, p.Sex })
            .ToListAsync(ct);
        var now = db.Clock.GetCurrentInstant();
        var seen = new HashSet<(string, string)>();
        if (marked == 0) return;
        var batch = 0;
        foreach (var pupil in pupils)
        {
            if (pupil.DateOfBirth is not { } dob || !seen.Add((pupil.Upn!, pupil.Urn!))) continue;
            var age = AttendanceRules.AgeAtStartOf(year, dob);
            if (age is < 4 or > 17) continue;
            var yearGroup = age == 4 ? "R" : (age - 4).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var secondary = pupil.Phase == SchoolPhase.Secondary || (pupil.Phase != SchoolPhase.Primary && age >= 11);
            var sen = random.NextDouble() switch { < 0.028 => "E", < 0.184 => "K", _ => "N" };
            var enrolment = new Enrolment
            {
                PartnershipId = partnershipId, AcademicYear = year.StartYear, Upn = pupil.Upn!, Urn = pupil.Urn!, PersonId = pupil.PersonId, DateOfBirth = dob,
                Sex = pupil.Sex switch { Sex.Female => "F", Sex.Male => "M", _ => "U" }, YearGroup = yearGroup, SenProvision = sen,
                SenPrimaryNeed = sen == "N" ? null : Need(random, secondary), Fsm = random.NextDouble() < 0.27,
                Sessions = Sessions(random, days, secondary, 0, marked), UpdatedAt = now,
            };
            db.Enrolments.Add(enrolment);
            foreach (var (start, sessions, permanent) in Suspensions(random, year, days[..Math.Max(1, marked)], secondary))
            {
                db.Suspensions.Add(new Suspension
                {
                    PartnershipId = partnershipId, AcademicYear = year.StartYear, Upn = enrolment.Upn, Urn = enrolment.Urn, PersonId = enrolment.PersonId,
                    StartDate = start, Sessions = sessions, Permanent = permanent, Reason = SuspensionReasons[random.Next(SuspensionReasons.Length)],
                    RecordedAt = now,
                });
            }
            if (++batch % 5000 == 0)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static string Need(Random random, bool secondary)
    {
        // Most common needs: SLCN (primary), SEMH (secondary), then MLD and autism.
        string[] needs = secondary
            ? ["SEMH", "SEMH", "SEMH", "MLD", "MLD", "ASD", "ASD", "SLCN", "SPLD", "SPLD", "HI", "VI", "PD", "OTH"]
            : ["SLCN", "SLCN", "SLCN", "SLCN", "SEMH", "SEMH", "MLD", "MLD", "ASD", "ASD", "SPLD", "PD", "SLD", "OTH"];
        return needs[random.Next(needs.Length)];
    }

    /// <summary>
    /// The benchmark's synthetic city-year, as the CSV files schools send: <paramref name="pupils"/> pupils at 280 schools
    /// (220 primary, 60 secondary), about one in fifty moving school during the year (two enrolments), a mark for every
    /// school-day session. Returns the number of enrolments and marks written.
    /// </summary>
    public static (int Enrolments, long Marks) WriteCity(string pupilsPath, string marksPath, int pupils, AcademicYear year, int seed = 2024)
    {
        var random = new Random(seed);
        var days = SchoolDays(year);
        var dates = days.Select(d => Encoding.ASCII.GetBytes(year.DateOf(d * 2).ToString("yyyy-MM-dd", null))).ToArray();
        var primaryUrns = Enumerable.Range(0, 220).Select(i => (107000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var secondaryUrns = Enumerable.Range(0, 60).Select(i => (108000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var serials = new Dictionary<(int School, int Year), int>();
        var enrolments = 0;
        long marks = 0;
        using var roll = new StreamWriter(pupilsPath, false, new UTF8Encoding(false), 1 << 16);
        using var file = new FileStream(marksPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        roll.Write("upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm\n");
        file.Write("upn,urn,date,session,code\n"u8);
        var line = new byte[64];
        for (var i = 0; i < pupils; i++)
        {
            var yearGroup = 1 + random.Next(11); // years 1 to 11: all of compulsory school age
            var secondary = yearGroup >= 7;
            var schoolIndex = secondary ? random.Next(secondaryUrns.Length) : random.Next(primaryUrns.Length);
            var urn = secondary ? secondaryUrns[schoolIndex] : primaryUrns[schoolIndex];
            var birthYear = year.StartYear - yearGroup - 5;
            var dob = new LocalDate(birthYear, 9, 1).PlusDays(random.Next(365));
            var establishment = (secondary ? 4000 : 2000) + schoolIndex;
            var key = (establishment, birthYear % 100);
            var serial = serials[key] = serials.GetValueOrDefault(key) + 1;
            var last12 = $"383{establishment:0000}{birthYear % 100:00}{serial:000}";
            var upn = UpnCheckLetter(last12) + last12;
            var sen = random.NextDouble() switch { < 0.028 => "E", < 0.184 => "K", _ => "N" };
            var need = sen == "N" ? "" : Need(random, secondary);
            var sex = random.Next(2) == 0 ? "F" : "M";
            var fsm = random.NextDouble() < 0.27 ? "true" : "false";
            // One pupil in fifty moves school part-way through the year: an enrolment at each.
            var moves = random.NextDouble() < 0.02;
            var moveDay = moves ? 20 + random.Next(days.Length - 40) : days.Length;
            var parts = moves
                ? new[] { (Urn: urn, From: 0, To: moveDay), (Urn: secondary ? secondaryUrns[(schoolIndex + 1) % secondaryUrns.Length] : primaryUrns[(schoolIndex + 1) % primaryUrns.Length], From: moveDay, To: days.Length) }
                : [(Urn: urn, From: 0, To: days.Length)];
            foreach (var part in parts)
            {
                roll.Write($"{upn},{part.Urn},{dob:yyyy-MM-dd},{sex},{yearGroup},{sen},{need},{fsm}\n");
                enrolments++;
                var sessions = Sessions(random, days, secondary, part.From, part.To);
                var prefix = Encoding.ASCII.GetBytes($"{upn},{part.Urn},");
                for (var d = part.From; d < part.To; d++)
                {
                    for (var pm = 0; pm < 2; pm++)
                    {
                        var n = 0;
                        prefix.CopyTo(line, n); n += prefix.Length;
                        dates[d].CopyTo(line, n); n += dates[d].Length;
                        line[n++] = (byte)',';
                        line[n++] = (byte)(pm == 0 ? 'A' : 'P');
                        line[n++] = (byte)'M';
                        line[n++] = (byte)',';
                        foreach (var c in SessionCodes.ToCode(sessions[days[d] * 2 + pm])) line[n++] = (byte)c;
                        line[n++] = (byte)'\n';
                        file.Write(line, 0, n);
                        marks++;
                    }
                }
            }
        }
        return (enrolments, marks);
    }

    private static char UpnCheckLetter(string last12) => Upn.CheckLetter(last12);
}
