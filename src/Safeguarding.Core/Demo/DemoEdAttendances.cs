using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Health.EmergencyDepartment;
using Safeguarding.Core.Learners.Signposting;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Demo;

/// <summary>
/// A year of the hospital trust's emergency department attendances of people under 26, written in bulk (as the intake
/// would leave them, the codes already read) so the small demo stays fast: about <see cref="PerDay"/> a day, of people
/// already in the demo's person index. Project Shield's list takes the knife assaults, about 1 to 2 a day, most not
/// admitted; the knife-assault admissions (Project Shield's first aim) come to about 1 a week. A few of the children's
/// and young people's answers about education raised possible CME cases and NEET entries for the council's CME/NEET lead,
/// some of them already acted on.
/// </summary>
public sealed class DemoEdAttendances(SafeguardingDbContext db)
{
    public const int PerDay = 20, Days = 365, PossibleCme = 8, Neet = 10;

    // ECDS codes (EcdsCodes): chief complaints are illustrative SNOMED CT ids; the intent, mechanism and discharge are the ones read.
    private static readonly string[] Complaints = ["21522001", "22253000", "262519004", "29857009", "386661006", "422587007"];
    private const string Accident = "418019003", Home = "306689006", Ward = "306706006", Knife = "1162998008", Gun = "283545005", Blunt = "1055294009";

    public async Task SeedAsync(Guid partnershipId, Instant now, CancellationToken ct = default)
    {
        var hospital = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.PartnershipId == partnershipId && o.Type == OrganisationType.HospitalTrust, ct);
        if (hospital is null) return;
        var today = now.InZone(SchoolDays.London).Date;
        var (oldest, youngest) = (today.PlusYears(-25), today.PlusYears(-1));
        var people = await db.People.AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId && p.DateOfBirth != null && p.DateOfBirth > oldest && p.DateOfBirth <= youngest && !p.IsSealed && p.MergedIntoPersonId == null)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.GivenName, p.FamilyName, DateOfBirth = p.DateOfBirth!.Value, p.NhsNumber, p.Sex })
            .Take(5000).ToListAsync(ct);
        if (people.Count < 50) return;

        var random = new Random(1407);
        var attendances = new List<EdAttendance>(PerDay * Days);
        var cme = new List<(EdAttendance Attendance, Guid PersonId, LocalDate On)>();
        var neet = new List<(EdAttendance Attendance, Guid PersonId, LocalDate On)>();
        for (var day = 0; day < Days; day++)
        {
            var count = PerDay - 4 + random.Next(9);
            for (var n = 0; n < count; n++)
            {
                var arrived = now - Duration.FromDays(day) - Duration.FromMinutes(30 + random.Next(24 * 60));
                var person = people[random.Next(people.Count)];
                var on = arrived.InZone(SchoolDays.London).Date;
                var age = Period.Between(person.DateOfBirth, on, PeriodUnits.Years).Years;
                if (age < 0) continue;
                // About 1.5 knife assaults a day, one in ten admitted (about 1 a week); some other assaults; the rest unintended.
                var draw = random.NextDouble();
                var (intent, mechanism) = draw < 0.075 ? (EcdsCodes.Assault, Knife)
                    : draw < 0.08 ? (EcdsCodes.Assault, Gun)
                    : draw < 0.16 ? (EcdsCodes.Assault, Blunt)
                    : draw < 0.5 ? (Accident, Blunt)
                    : ((string?)null, (string?)null);
                var admitted = mechanism == Knife ? random.NextDouble() < 0.1 : random.NextDouble() < 0.12;
                var discharge = admitted ? Ward : Home;
                var reference = $"ED{on.Year % 100:00}{attendances.Count + 1:000000}";
                var (noSetting, working, advice) = (false, (bool?)null, (string?)null);
                var raiseCme = cme.Count < PossibleCme && age is >= 6 and <= 14 && day % 29 == 3;
                var raiseNeet = neet.Count < Neet && age is 17 && day % 23 == 5;
                if (raiseCme) noSetting = true;
                if (raiseNeet) (noSetting, working, advice) = (true, false, "Given the council's 16-18 education and training leaflet and the careers service's number.");
                var report = new EdAttendanceReport
                {
                    AttendanceReference = reference, ArrivedAt = arrived.ToString(), NhsNumber = person.NhsNumber, GivenName = person.GivenName, FamilyName = person.FamilyName,
                    DateOfBirth = person.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Sex = person.Sex.ToString(),
                    ChiefComplaintCode = Complaints[random.Next(Complaints.Length)], InjuryIntentCode = intent, InjuryMechanismCode = mechanism, DischargeDestinationCode = discharge,
                    NoEducationSetting = noSetting ? "true" : null, InEmploymentOrTraining = working is { } w ? (w ? "true" : "false") : null, EdAdvice = advice,
                };
                var attendance = new EdAttendance
                {
                    PartnershipId = partnershipId, HospitalOrganisationId = hospital.Id, AttendanceReference = reference, PersonId = person.Id, ArrivedAt = arrived, AgeAtArrival = age,
                    ChiefComplaintCode = report.ChiefComplaintCode, InjuryIntentCode = intent, InjuryMechanismCode = mechanism, DischargeDestinationCode = discharge,
                    Assault = EcdsCodes.IsAssault(intent), Mechanism = EcdsCodes.MechanismOf(mechanism), Admitted = EcdsCodes.IsAdmission(discharge),
                    ReceivedAt = arrived + Duration.FromHours(2), Received = JsonSerializer.Serialize(report, EdAttendanceReport.Json), Fingerprint = report.Fingerprint(),
                };
                attendances.Add(attendance);
                if (raiseCme) cme.Add((attendance, person.Id, on));
                if (raiseNeet) neet.Add((attendance, person.Id, on));
            }
        }
        db.AddRange(attendances);

        // The older half of each list was acted on; the newer half waits for the CME/NEET lead.
        var lead = await db.Users.AsNoTracking().Where(u => u.PartnershipId == partnershipId && u.Email!.StartsWith("cme.neet.lead@")).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        void Raise(SignpostingKind kind, List<(EdAttendance Attendance, Guid PersonId, LocalDate On)> raised, SignpostingStatus done, string note)
        {
            for (var i = 0; i < raised.Count; i++)
            {
                var (a, personId, on) = raised[i];
                var acted = i >= raised.Count / 2;
                db.Add(new EducationSignposting
                {
                    PartnershipId = partnershipId, Kind = kind, PersonId = personId, RaisedFrom = a.Id, NamedOn = on, RaisedAt = a.ReceivedAt,
                    Advice = kind == SignpostingKind.Neet ? "Given the council's 16-18 education and training leaflet and the careers service's number." : null,
                    Status = acted ? done : SignpostingStatus.Open, Note = acted ? note : null, ActedByUserId = acted ? lead : null,
                    ActedAt = acted ? a.ReceivedAt + Duration.FromDays(3) : null,
                });
            }
        }
        // The loop runs from today backwards, so each list's first entries are the newest.
        Raise(SignpostingKind.PossibleCme, cme, SignpostingStatus.FoundOnRoll, "Found on the roll of a school outside the city; the family moved in the summer.");
        Raise(SignpostingKind.Neet, neet, SignpostingStatus.Signposted, "Phoned; booked with the careers service for a college place in January.");
        await DemoPartnership.SaveBatchAsync(db, ct);
    }
}
